package vn.edu.portal.account;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import vn.edu.portal.PortalHttp;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProfileTests {

	private static final String PASSWORD = "Mot-mat-khau-rieng-2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	AccountUserDetailsService users;

	@Test
	void aUserChangesEmailPhoneAndLanguageAndTheInterfaceFollows() {
		String username = account();
		PortalHttp http = loggedIn(username);
		String before = http.get("/account").body();
		assertThat(before).contains("<html lang=\"vi\">", "Hồ sơ của tôi", ">" + username + "<", ">THPT-CHUYENBENTRE<");

		HttpResponse<String> saved = http.post("/account",
				Map.of("email", "lan.pham@bentre.edu.vn", "phone", "0901 234 567", "language", "en"));

		assertThat(PortalHttp.location(saved)).isEqualTo("/account");
		String after = http.get("/account").body();
		assertThat(after)
			.contains("<html lang=\"en\">", "My profile", "Your profile has been saved.",
					"value=\"lan.pham@bentre.edu.vn\"", "value=\"0901 234 567\"",
					"<option value=\"en\" lang=\"en\" selected=\"selected\">")
			.doesNotContain("Hồ sơ của tôi");
		assertThat(http.get("/").body()).contains("<html lang=\"en\">");
		assertThat(this.jdbc.sql("select email || '|' || phone || '|' || language from account where username = ?")
			.param(username)
			.query(String.class)
			.single()).isEqualTo("lan.pham@bentre.edu.vn|0901 234 567|en");
		assertThat(this.jdbc
			.sql("""
					select actor || '|' || (details -> 'before' ->> 'language') || '|' || (details -> 'after' ->> 'language')
					       || '|' || (details -> 'after' ->> 'email') || '|' || (details -> 'after' ->> 'phone')
					from audit_event where action = 'PROFILE_UPDATED' and object_id = ?
					""")
			.param(String.valueOf(accountId(username)))
			.query(String.class)
			.list()).containsExactly(username + "|vi|en|lan.pham@bentre.edu.vn|0901 234 567");
	}

	@Test
	void aBadEmailIsExplainedBesideTheFieldKeepsWhatWasTypedAndSavesNothing() {
		String username = account();
		PortalHttp http = loggedIn(username);
		http.get("/account");

		HttpResponse<String> refused = http.post("/account",
				Map.of("email", "lan.pham@@bentre", "phone", "0901 234 567", "language", "en"));

		assertThat(refused.statusCode()).isEqualTo(200);
		String page = HtmlUtils.htmlUnescape(refused.body());
		assertThat(page).contains("<html lang=\"vi\">", "id=\"email-error\">Địa chỉ e-mail không hợp lệ.<",
				"value=\"lan.pham@@bentre\"", "value=\"0901 234 567\"",
				"<option value=\"en\" lang=\"en\" selected=\"selected\">");
		assertThat(page).doesNotContain("id=\"phone-error\"");
		assertThat(this.jdbc
			.sql("select coalesce(email, '-') || '|' || coalesce(phone, '-') || '|' || language "
					+ "from account where username = ?")
			.param(username)
			.query(String.class)
			.single()).isEqualTo("-|-|vi");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'PROFILE_UPDATED' and object_id = ?")
			.param(String.valueOf(accountId(username)))
			.query(Long.class)
			.single()).isZero();
		assertThat(http.get("/account").body()).contains("<html lang=\"vi\">");
	}

	@Test
	void afterLoggingOutAndInAgainTheInterfaceIsInTheAccountsLanguage() {
		String username = account();
		PortalHttp http = loggedIn(username);
		http.get("/account");
		http.post("/account", Map.of("email", "", "phone", "", "language", "en"));
		assertThat(this.users.loadUserByUsername(username).language()).isEqualTo("en");

		HttpResponse<String> loggedOut = http.post("/logout", Map.of());
		assertThat(PortalHttp.location(loggedOut)).isEqualTo("/login?logout");
		assertThat(PortalHttp.location(http.get("/"))).isEqualTo("/login");
		assertThat(PortalHttp.location(http.login(username, PASSWORD))).as("back to the page asked for")
			.isEqualTo("/?continue");
		assertThat(http.get("/").body()).contains("<html lang=\"en\">");

		PortalHttp otherBrowser = new PortalHttp(this.port);
		assertThat(otherBrowser.get("/login?lang=vi").body()).contains("<html lang=\"vi\">");
		assertThat(PortalHttp.location(otherBrowser.post("/login", Map.of("username", username, "password", PASSWORD))))
			.isEqualTo("/");
		assertThat(otherBrowser.get("/").body()).contains("<html lang=\"en\">");
		assertThat(otherBrowser.get("/account").body()).contains("My profile");
	}

	private String account() {
		String username = "t." + UUID.randomUUID().toString().substring(0, 8);
		long unit = this.jdbc.sql("select id from unit where code = 'THPT-CHUYENBENTRE'").query(Long.class).single();
		this.accounts.create(username, "Phạm Thị Hồ Sơ", unit, Set.of(Role.UNIT_STAFF), PASSWORD, false);
		return username;
	}

	private PortalHttp loggedIn(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(PortalHttp.location(http.login(username, PASSWORD))).isEqualTo("/");
		return http;
	}

	private long accountId(String username) {
		return this.jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

}
