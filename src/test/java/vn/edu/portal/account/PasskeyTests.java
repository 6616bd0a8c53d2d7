package vn.edu.portal.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import vn.edu.portal.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a real browser with Chrome DevTools' virtual authenticator: a department
 * leader (whose role requires a second factor) registers a passkey from the enrolment
 * page, signs out, and signs in with the passkey alone, straight to the portal; at
 * desktop and phone sizes. Another account can neither remove that passkey nor sign in
 * with it. The portal's address is {@code http://localhost:PORT}, which makes
 * {@code localhost} the relying party.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = "portal.mfa.required-roles=DEPARTMENT_LEADER,SYSTEM_ADMIN")
@Import(TestAccountFactory.class)
class PasskeyTests {

	static final int PORT = TestSocketUtils.findAvailableTcpPort();

	@DynamicPropertySource
	static void portal(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("portal.notifications.base-url", () -> "http://localhost:" + PORT);
	}

	@Autowired
	TestAccountFactory factory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeaderRegistersAPasskeyAndSignsInWithItAloneOnADesktopAndAPhone() {
		for (Dimension size : new Dimension[] { Browser.DESKTOP, Browser.PHONE }) {
			String username = this.factory.create(Role.DEPARTMENT_LEADER, false);
			try (Browser browser = new Browser(PORT, size)) {
				VirtualAuthenticator authenticator = browser.addPasskeyAuthenticator();
				browser.login(username, TestAccountFactory.PASSWORD);
				assertThat(browser.path()).isEqualTo("/account/second-factor");
				assertThat(browser.text()).contains("Khóa truy cập (passkey)", "Chưa có khóa truy cập nào.");

				browser.click(By.cssSelector("#passkey-register button[type=submit]"));
				browser.wait((driver) -> browser.text().contains("Hãy đặt tên cho khóa truy cập."));
				assertThat(passkeysOf(username)).isZero();

				browser.type("passkey-label", "Điện thoại của tôi");
				browser.click(By.cssSelector("#passkey-register button[type=submit]"));
				browser.wait((driver) -> browser.isDisplayed(By.id("passkey-list")));
				browser.checkAccessibility();
				assertThat(browser.text()).contains("Điện thoại của tôi").doesNotContain("Chưa có khóa truy cập nào.");
				assertThat(passkeysOf(username)).isOne();
				assertThat(authenticator.getCredentials()).hasSize(1);

				browser.script("document.querySelector(\"form[action='/logout']\").submit()");
				browser.wait((driver) -> browser.path().startsWith("/login"));

				browser.open("/login");
				browser.click(By.cssSelector("#passkey-login button"));
				browser.wait((driver) -> !browser.path().startsWith("/login"));
				assertThat(browser.path()).isEqualTo("/");
				browser.checkAccessibility();
				browser.open("/account/second-factor");
				assertThat(browser.path()).isEqualTo("/account/second-factor");
				browser.open("/account");
				assertThat(browser.text()).contains(username);
				assertThat(audit(username)).contains("passkey");
				assertThat(lastSignIn(username)).isNotNull();
			}
		}
	}

	@Test
	void anotherAccountCannotRemoveOrUseSomeonesPasskey() {
		String owner = this.factory.create(Role.UNIT_STAFF, false);
		String stranger = this.factory.create(Role.UNIT_STAFF, false);
		try (Browser browser = new Browser(PORT, Browser.DESKTOP); Browser other = new Browser(PORT, Browser.DESKTOP)) {
			browser.addPasskeyAuthenticator();
			browser.login(owner, TestAccountFactory.PASSWORD);
			browser.open("/account/second-factor");
			browser.type("passkey-label", "Máy tính");
			browser.click(By.cssSelector("#passkey-register button[type=submit]"));
			browser.wait((driver) -> browser.isDisplayed(By.id("passkey-list")));
			String credentialId = credentialOf(owner);

			other.login(stranger, TestAccountFactory.PASSWORD);
			other.open("/account/second-factor");
			assertThat(other.text()).doesNotContain("Máy tính");
			Object status = other.asyncScript("var done = arguments[arguments.length - 1];"
					+ "var token = document.querySelector('#passkey-register input[name=_csrf]').value;"
					+ "fetch('/webauthn/register/" + credentialId
					+ "', {method: 'DELETE', headers: {'X-CSRF-TOKEN': token}})"
					+ ".then(function (r) { done(r.status); }, function () { done(-1); });");
			assertThat(status).isNotIn(200L, 204L);
			assertThat(passkeysOf(owner)).isOne();

			// A stranger's browser has no key to sign in with; the owner's key always
			// signs its owner in.
			browser.script("document.querySelector(\"form[action='/logout']\").submit()");
			browser.wait((driver) -> browser.path().startsWith("/login"));
			browser.click(By.cssSelector("#passkey-login button"));
			browser.wait((driver) -> !browser.path().startsWith("/login"));
			browser.open("/account");
			assertThat(browser.text()).contains(owner).doesNotContain(stranger);

			browser.open("/account/second-factor");
			browser.click(By.cssSelector("[data-passkey-delete]"));
			browser.wait((driver) -> browser.text().contains("Chưa có khóa truy cập nào."));
			assertThat(passkeysOf(owner)).isZero();
		}
	}

	private long passkeysOf(String username) {
		return this.jdbc
			.sql("select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id "
					+ "where u.name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	private String credentialOf(String username) {
		return this.jdbc
			.sql("select c.credential_id from user_credentials c join user_entities u on u.id = c.user_entity_user_id "
					+ "where u.name = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	private String audit(String username) {
		return String.join("\n",
				this.jdbc.sql("select details::text from audit_event where actor = ? and action = 'LOGIN_SUCCESS'")
					.param(username)
					.query(String.class)
					.list());
	}

	private Object lastSignIn(String username) {
		Map<String, Object> row = this.jdbc.sql("select last_login_at from account where username = ?")
			.param(username)
			.query()
			.singleRow();
		return row.get("last_login_at");
	}

}
