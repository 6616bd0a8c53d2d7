package vn.edu.portal.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile page lists the account's signed-in sessions (browser, address, last seen,
 * this one marked); the owner ends one or all others, an administrator all of them, and
 * nobody else can end any.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccountFactory.class)
class SessionsTests {

	private static final Pattern OTHER_SESSION = Pattern
		.compile("data-session=\"([0-9a-f]{24})\"(?:(?!data-session).)*?/account/sessions/\\1/end", Pattern.DOTALL);

	private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

	@LocalServerPort
	int port;

	@Autowired
	TestAccountFactory factory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOwnerSeesEachSessionWithItsAddressAndEndsTheOtherOne() {
		String username = this.factory.create(Role.UNIT_LEADER, false);
		PortalHttp desk = loggedIn(username);
		PortalHttp phone = loggedIn(username);

		String page = desk.get("/account").body();

		assertThat(page).contains("Phiên đăng nhập", "Phiên này", desk.address(), phone.address());
		assertThat(sessionsOf(username)).isEqualTo(2);
		List<String> others = otherSessions(page);
		assertThat(others).hasSize(1);
		assertThat(page).doesNotContain(desk.sessionId(), phone.sessionId());

		HttpResponse<String> end = desk.post("/account/sessions/" + others.get(0) + "/end", Map.of());

		assertThat(PortalHttp.location(end)).isEqualTo("/account");
		assertThat(desk.get("/account").body()).contains("Đã kết thúc phiên đăng nhập.")
			.doesNotContain(phone.address());
		assertThat(PortalHttp.location(phone.get("/"))).isEqualTo("/login");
		assertThat(desk.get("/").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(username)).isEqualTo(1);
		assertThat(audited(username, "SESSION_ENDED")).isEqualTo(1);
		assertThat(desk.post("/account/sessions/" + others.get(0) + "/end", Map.of()).statusCode()).as("ended twice")
			.isEqualTo(404);
	}

	@Test
	void endAllOthersKeepsOnlyThisSession() {
		String username = this.factory.create(Role.UNIT_STAFF, false);
		PortalHttp desk = loggedIn(username);
		PortalHttp second = loggedIn(username);
		PortalHttp third = loggedIn(username);
		desk.get("/account");

		desk.post("/account/sessions/end-others", Map.of());

		assertThat(sessionsOf(username)).isEqualTo(1);
		assertThat(PortalHttp.location(second.get("/"))).isEqualTo("/login");
		assertThat(PortalHttp.location(third.get("/"))).isEqualTo("/login");
		assertThat(desk.get("/account").body()).contains("Đã kết thúc mọi phiên đăng nhập khác của bạn.");
	}

	@Test
	void theBrowserIsNamedFromItsUserAgent() {
		assertThat(SessionDevices.browserOf(PHONE)).isEqualTo("Chrome, Android");
		assertThat(SessionDevices.browserOf("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
				+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"))
			.isEqualTo("Edge, Windows");
		assertThat(SessionDevices.browserOf(null)).isEqualTo("?");
	}

	@Test
	void anotherAccountCannotEndASessionThatIsNotItsOwn() {
		String victim = this.factory.create(Role.UNIT_LEADER, false);
		PortalHttp victimDesk = loggedIn(victim);
		PortalHttp victimPhone = loggedIn(victim);
		String handle = otherSessions(victimDesk.get("/account").body()).get(0);
		PortalHttp attacker = loggedIn(this.factory.create(Role.UNIT_LEADER, false));
		attacker.get("/account");

		HttpResponse<String> response = attacker.post("/account/sessions/" + handle + "/end", Map.of());
		HttpResponse<String> crafted = attacker.post("/account/sessions/%27%20or%201=1%20--/end", Map.of());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("Exception");
		assertThat(crafted.statusCode()).isIn(400, 404);
		assertThat(victimPhone.get("/").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(victim)).isEqualTo(2);
		assertThat(attacker.post("/admin/users/" + accountId(victim) + "/sessions/end", Map.of()).statusCode())
			.isEqualTo(403);
		assertThat(sessionsOf(victim)).isEqualTo(2);
	}

	@Test
	void anAdministratorEndsEverySessionOfAnAccount() {
		String username = this.factory.create(Role.UNIT_STAFF, false);
		PortalHttp first = loggedIn(username);
		PortalHttp second = loggedIn(username);
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		long id = accountId(username);
		assertThat(admin.get("/admin/users/" + id).body()).contains("Kết thúc mọi phiên đăng nhập");

		HttpResponse<String> response = admin.post("/admin/users/" + id + "/sessions/end", Map.of());

		assertThat(PortalHttp.location(response)).isEqualTo("/admin/users/" + id);
		assertThat(admin.get("/admin/users/" + id).body()).contains("Đã kết thúc mọi phiên đăng nhập của tài khoản.");
		assertThat(sessionsOf(username)).isZero();
		assertThat(PortalHttp.location(first.get("/"))).isEqualTo("/login");
		assertThat(PortalHttp.location(second.get("/"))).isEqualTo("/login");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where actor = 'admin' and action = 'ACCOUNT_SESSIONS_ENDED'
				and object_id = ?
				""").param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(1);
	}

	private PortalHttp loggedIn(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(PortalHttp.location(http.login(username, TestAccountFactory.PASSWORD))).isEqualTo("/");
		return http;
	}

	private static List<String> otherSessions(String page) {
		Matcher matcher = OTHER_SESSION.matcher(page);
		List<String> handles = new java.util.ArrayList<>();
		while (matcher.find()) {
			handles.add(matcher.group(1));
		}
		return handles;
	}

	private int sessionsOf(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

	private int audited(String username, String action) {
		return this.jdbc.sql("select count(*) from audit_event where actor = ? and action = ?")
			.param(username)
			.param(action)
			.query(Integer.class)
			.single();
	}

	private long accountId(String username) {
		return this.jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

}
