package vn.edu.portal.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.Browser;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every administration page, in a real browser at desktop and phone sizes, checked with
 * axe-core.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdministrationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAdministrationPagesAreAccessibleOnADesktopAndAPhone() {
		long account = this.jdbc.sql("select id from account where username = ?")
			.param(TestAccounts.DEPARTMENT_LEADER)
			.query(Long.class)
			.single();
		long unit = this.jdbc.sql("select id from unit where code = 'PGD-GTR'").query(Long.class).single();
		String[] pages = { "/admin/users", "/admin/users?role=UNIT_LEADER&status=ACTIVE", "/admin/users/new",
				"/admin/users/" + account, "/admin/users/import", "/admin/units/" + unit, "/admin/units/new",
				"/admin/units/import", "/audit", "/account" };
		for (org.openqa.selenium.Dimension size : new org.openqa.selenium.Dimension[] { Browser.DESKTOP,
				Browser.PHONE }) {
			try (Browser browser = new Browser(this.port, size)) {
				browser.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
				for (String page : pages) {
					browser.open(page);
					assertThat(browser.heading()).as(page).isNotBlank();
				}
				browser.open("/admin/users/" + account);
				assertThat(browser.value("fullName")).isEqualTo("Nguyễn Văn Hùng");
				assertThat(browser.text()).contains("Lãnh đạo Sở", "Đặt lại mật khẩu");
			}
		}
	}

}
