package vn.edu.portal.account;

import java.net.http.HttpResponse;
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
class PasswordChangeTests {

	private static final String NEW_PASSWORD = "Bon-mua-Ben-Tre-xanh";

	@LocalServerPort
	int port;

	@Autowired
	TestAccountFactory factory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
		String username = this.factory.create(Role.UNIT_LEADER, true);
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestAccountFactory.PASSWORD);

		assertThat(PortalHttp.location(http.get("/"))).isEqualTo("/account/password");
		assertThat(PortalHttp.location(http.get("/audit"))).isEqualTo("/account/password");
		assertThat(http.get("/account/password").body()).contains("Bạn đang dùng mật khẩu tạm thời");

		HttpResponse<String> changed = change(http, TestAccountFactory.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

		assertThat(PortalHttp.location(changed)).isEqualTo("/");
		assertThat(http.get("/").body()).contains("Đã đổi mật khẩu.");
		assertThat(this.jdbc.sql("select must_change_password from account where username = ?")
			.param(username)
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor = ? and action = 'PASSWORD_CHANGED'")
			.param(username)
			.query(Integer.class)
			.single()).isEqualTo(1);
		PortalHttp again = new PortalHttp(this.port);
		assertThat(PortalHttp.location(again.login(username, NEW_PASSWORD))).isEqualTo("/");
	}

	@Test
	void eachRuleIsShownBesideItsFieldAndNothingChanges() {
		String username = this.factory.create(Role.UNIT_STAFF, false);
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestAccountFactory.PASSWORD);
		http.get("/account/password");
		String hash = hashOf(username);

		assertThat(change(http, "wrong-current", NEW_PASSWORD, NEW_PASSWORD).body())
			.contains("Mật khẩu hiện tại không đúng.");
		assertThat(change(http, TestAccountFactory.PASSWORD, "short", "short").body())
			.contains("Mật khẩu phải có ít nhất 8 ký tự.");
		assertThat(change(http, TestAccountFactory.PASSWORD, "password1", "password1").body())
			.contains("Mật khẩu này quá phổ biến");
		assertThat(change(http, TestAccountFactory.PASSWORD, "matkhau@123", "matkhau@123").body())
			.contains("Mật khẩu này quá phổ biến");
		assertThat(change(http, TestAccountFactory.PASSWORD, username, username).body())
			.contains("Mật khẩu không được trùng với tên đăng nhập.");
		assertThat(change(http, TestAccountFactory.PASSWORD, "x".repeat(129), "x".repeat(129)).body())
			.contains("Mật khẩu không được dài quá 128 ký tự.");
		assertThat(change(http, TestAccountFactory.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!").body())
			.contains("Mật khẩu nhập lại không khớp với mật khẩu mới.");
		assertThat(change(http, "", "", "").body()).contains("Vui lòng nhập trường này.")
			.contains("id=\"currentPassword-error\"");

		assertThat(hashOf(username)).isEqualTo(hash);
	}

	@Test
	void aLongVietnamesePassphraseWorks() {
		String username = this.factory.create(Role.UNIT_LEADER, false);
		String passphrase = "Sóng nước Giồng Trôm ơi, nhớ mãi những chiều đạp xe qua cầu Bến Tre";
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestAccountFactory.PASSWORD);
		http.get("/account/password");

		assertThat(PortalHttp.location(change(http, TestAccountFactory.PASSWORD, passphrase, passphrase)))
			.isEqualTo("/");

		assertThat(PortalHttp.location(new PortalHttp(this.port).login(username, passphrase))).isEqualTo("/");
		assertThat(PortalHttp.location(new PortalHttp(this.port).login(username, passphrase.substring(0, 60))))
			.as("no silent cut after 72 bytes")
			.isEqualTo("/login?error");
	}

	@Test
	void changingThePasswordSignsOutEveryOtherSession() {
		String username = this.factory.create(Role.UNIT_LEADER, false);
		PortalHttp elsewhere = new PortalHttp(this.port);
		elsewhere.login(username, TestAccountFactory.PASSWORD);
		PortalHttp here = new PortalHttp(this.port);
		here.login(username, TestAccountFactory.PASSWORD);
		here.get("/account/password");
		String before = here.sessionId();

		change(here, TestAccountFactory.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

		assertThat(here.get("/").statusCode()).isEqualTo(200);
		assertThat(here.sessionId()).isNotEqualTo(before);
		assertThat(PortalHttp.location(elsewhere.get("/"))).isEqualTo("/login");
	}

	@Test
	void withoutTheCsrfTokenNothingChanges() {
		String username = this.factory.create(Role.UNIT_STAFF, false);
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestAccountFactory.PASSWORD);
		String hash = hashOf(username);

		HttpResponse<String> refused = http.postRaw("/account/password", Map.of("currentPassword",
				TestAccountFactory.PASSWORD, "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(hashOf(username)).isEqualTo(hash);
	}

	private HttpResponse<String> change(PortalHttp http, String current, String next, String confirmation) {
		return http.post("/account/password",
				Map.of("currentPassword", current, "newPassword", next, "confirmation", confirmation));
	}

	private String hashOf(String username) {
		return this.jdbc.sql("select password_hash from account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

}
