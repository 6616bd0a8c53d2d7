package vn.edu.portal.account;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import vn.edu.portal.Browser;
import vn.edu.portal.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity pages in a real browser at desktop and phone sizes, checked with axe-core:
 * the sessions on the profile, ending another one, enrolling an authenticator app with
 * its recovery codes, and a sign-in with a code; twice, like a repeat user.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestAccountFactory.class, TestClock.Config.class })
class IdentityBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccountFactory factory;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void sessionsAndASecondFactorOnADesktopAndAPhone() {
		Instant now = Instant.parse("2026-12-01T03:00:05Z");
		this.clock.set(now);
		long step = Totp.stepOf(now);
		for (Dimension size : new Dimension[] { Browser.DESKTOP, Browser.PHONE }) {
			String username = this.factory.create(Role.UNIT_STAFF, false);
			try (Browser other = new Browser(this.port, size); Browser browser = new Browser(this.port, size)) {
				other.login(username, TestAccountFactory.PASSWORD);
				browser.login(username, TestAccountFactory.PASSWORD);
				browser.open("/account");
				assertThat(browser.text()).contains("Phiên đăng nhập", "Phiên này");
				assertThat(browser.isDisplayed(By.cssSelector("#sessions form button"))).isTrue();
				browser.submit(By.cssSelector("#sessions li form button"));
				assertThat(browser.text()).contains("Đã kết thúc phiên đăng nhập.");
				other.open("/account");
				assertThat(other.path()).isEqualTo("/login");

				browser.open("/account/second-factor");
				String secret = browser.text()
					.lines()
					.filter((line) -> line.matches("[A-Z2-7]{4}( [A-Z2-7]{4})+"))
					.findFirst()
					.orElseThrow()
					.replace(" ", "");
				assertThat(browser.isDisplayed(By.cssSelector("img[src$='qr.svg']"))).isTrue();
				browser.type("code", Totp.code(secret, step)).submit(By.cssSelector("main form button"));
				assertThat(browser.heading()).isEqualTo("Mã khôi phục");
				assertThat(browser.script("return document.querySelectorAll('#recovery-codes li').length"))
					.isEqualTo(10L);
				browser.script("document.querySelector(\"form[action='/logout']\").submit()");
				browser.wait((driver) -> browser.path().startsWith("/login"));

				this.clock.set(now.plusSeconds(30));
				browser.login(username, TestAccountFactory.PASSWORD);
				assertThat(browser.path()).isEqualTo("/login/second-factor");
				browser.type("code", Totp.code(secret, step + 1)).submit(By.cssSelector("main form button"));
				assertThat(browser.path()).isEqualTo("/");
				this.clock.set(now);
			}
		}
	}

}
