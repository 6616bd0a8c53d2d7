package vn.edu.portal.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccountFactory.class)
class LoginTests {

	private static final String GENERIC_ERROR = "Tên đăng nhập hoặc mật khẩu không đúng.";

	@LocalServerPort
	int port;

	@Autowired
	TestAccountFactory factory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loginChangesTheSessionIdAndIsAuditedWithAddressAndBrowser() {
		String username = this.factory.create(Role.UNIT_LEADER, false);
		PortalHttp http = new PortalHttp(this.port);
		http.get("/login");
		String before = http.sessionId();

		HttpResponse<String> response = http.post("/login",
				Map.of("username", username, "password", TestAccountFactory.PASSWORD));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(PortalHttp.location(response)).isEqualTo("/");
		assertThat(before).isNotNull();
		assertThat(http.sessionId()).isNotNull().isNotEqualTo(before);
		assertThat(http.get("/").body()).contains("Xin chào, Người Kiểm Thử");
		assertThat(auditOf(username)).containsExactly("LOGIN_SUCCESS " + http.address() + " PortalTests/1.0");
	}

	@Test
	void wrongPasswordAndUnknownAccountGetTheSameMessage() {
		String username = this.factory.create(Role.UNIT_STAFF, false);
		PortalHttp http = new PortalHttp(this.port);

		HttpResponse<String> wrongPassword = http.login(username, "not-the-password");
		String wrongPasswordPage = http.get("/login?error").body();
		HttpResponse<String> unknownAccount = http.login("nobody.at.all", "not-the-password");
		String unknownAccountPage = http.get("/login?error").body();

		assertThat(PortalHttp.location(wrongPassword)).isEqualTo("/login?error");
		assertThat(PortalHttp.location(unknownAccount)).isEqualTo("/login?error");
		assertThat(wrongPasswordPage).contains(GENERIC_ERROR);
		assertThat(unknownAccountPage).contains(GENERIC_ERROR);
		assertThat(auditOf(username)).containsExactly("LOGIN_FAILURE " + http.address() + " PortalTests/1.0");
		assertThat(auditOf("nobody.at.all")).contains("LOGIN_FAILURE " + http.address() + " PortalTests/1.0");
	}

	@Test
	void oneUserMistypingDoesNotBlockColleaguesBehindTheSameAddress() {
		String clumsy = this.factory.create(Role.UNIT_STAFF, false);
		String colleague = this.factory.create(Role.UNIT_LEADER, false);
		String schoolAddress = PortalHttp.randomAddress();
		PortalHttp first = new PortalHttp(this.port, schoolAddress);
		for (int i = 0; i < 25; i++) {
			first.login(clumsy, "wrong-" + i);
		}

		HttpResponse<String> response = new PortalHttp(this.port, schoolAddress).login(colleague,
				TestAccountFactory.PASSWORD);

		assertThat(PortalHttp.location(response)).isEqualTo("/");
	}

	@Test
	void withoutAMailServerThereIsNoPasswordResetByEmail() {
		PortalHttp http = new PortalHttp(this.port);

		assertThat(http.get("/login").body()).doesNotContain("/login/reset").contains("Hãy liên hệ quản trị");
		assertThat(http.get("/login/reset").statusCode()).isEqualTo(404);
	}

	@Test
	void theLoginFormItselfNeedsTheCsrfToken() {
		String username = this.factory.create(Role.UNIT_STAFF, false);
		PortalHttp http = new PortalHttp(this.port);
		http.get("/login");

		HttpResponse<String> response = http.postRaw("/login",
				Map.of("username", username, "password", TestAccountFactory.PASSWORD));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(PortalHttp.location(http.get("/"))).isEqualTo("/login");
	}

	@Test
	void logoutIsAPostWithTheCsrfTokenAndIsAudited() {
		String username = this.factory.create(Role.UNIT_STAFF, false);
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestAccountFactory.PASSWORD);

		http.get("/logout");
		assertThat(http.get("/").statusCode()).as("a GET does not log out").isEqualTo(200);
		assertThat(http.postRaw("/logout", Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
		assertThat(http.get("/").statusCode()).isEqualTo(200);

		HttpResponse<String> logout = http.post("/logout", Map.of());

		assertThat(PortalHttp.location(logout)).isEqualTo("/login?logout");
		assertThat(http.get("/").statusCode()).isEqualTo(302);
		assertThat(auditOf(username)).endsWith("LOGOUT " + http.address() + " PortalTests/1.0");
	}

	@Test
	void aSessionEndsAfterThirtyIdleMinutes() {
		String username = this.factory.create(Role.UNIT_STAFF, false);
		new PortalHttp(this.port).login(username, TestAccountFactory.PASSWORD);

		assertThat(this.jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
			.param(username)
			.query(Integer.class)
			.single()).isEqualTo(30 * 60);
	}

	private List<String> auditOf(String username) {
		return this.jdbc
			.sql("select action || ' ' || ip || ' ' || user_agent from audit_event where actor = ? "
					+ "and action <> 'ACCOUNT_CREATED' order by id")
			.param(username)
			.query(String.class)
			.list();
	}

}
