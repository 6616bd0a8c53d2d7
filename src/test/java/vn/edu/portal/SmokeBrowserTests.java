package vn.edu.portal;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The foundation's journeys in a real browser, at desktop and phone sizes. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SmokeBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void adminLogsInSwitchesToEnglishAndLogsOut() {
		try (Browser browser = new Browser(this.port, Browser.DESKTOP)) {
			browser.open("/login");
			assertThat(browser.language()).isEqualTo("vi");
			assertThat(browser.heading()).isEqualTo("Đăng nhập");

			browser.login(TestAccounts.ADMIN, "not the password");
			assertThat(browser.text()).contains("Tên đăng nhập hoặc mật khẩu không đúng");

			browser.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
			assertThat(browser.heading()).isEqualTo("Việc cần làm");
			assertThat(browser.text()).contains("Xin chào, Quản trị hệ thống");
			assertThat(browser.text()).contains("Trang chủ", "Nhật ký hệ thống", "Đăng xuất");

			browser.click(By.linkText("English")).checkAccessibility();
			assertThat(browser.language()).isEqualTo("en");
			assertThat(browser.heading()).isEqualTo("To do");
			assertThat(browser.text()).contains("Hello, Quản trị hệ thống");

			browser.open("/audit");
			assertThat(browser.heading()).isEqualTo("Audit trail");
			assertThat(browser.text()).contains("Login succeeded", "Login failed");

			browser.submit(By.cssSelector("nav form[action='/logout'] button"));
			assertThat(browser.path()).isEqualTo("/login?logout");
			assertThat(browser.text()).contains("You have logged out.");
		}
	}

	@Test
	void aSchoolLeaderUsesTheMenuOnAPhone() {
		try (Browser browser = new Browser(this.port, Browser.PHONE)) {
			browser.login(TestAccounts.SCHOOL_LEADER, TestAccounts.DEMO_PASSWORD);
			assertThat(browser.heading()).isEqualTo("Việc cần làm");
			assertThat(browser.text()).contains("Xin chào, Phạm Thị Lan");
			assertThat(browser.isDisplayed(By.cssSelector("#portal-menu a[href='/account']")))
				.as("menu collapsed on a phone")
				.isFalse();

			browser.click(By.cssSelector("button.navbar-toggler"));
			browser.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#portal-menu .nav-link")));
			browser.checkAccessibility();
			assertThat(browser.isDisplayed(By.cssSelector("#portal-menu a[href='/audit']"))).isFalse();

			browser.click(By.cssSelector("#portal-menu a[href='/account']"));
			browser.wait(ExpectedConditions.urlContains("/account"));
			browser.checkAccessibility();
			assertThat(browser.heading()).isEqualTo("Hồ sơ của tôi");
		}
	}

}
