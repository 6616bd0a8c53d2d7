package vn.edu.portal.organisation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.Browser;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** The unit tree's journeys in a real browser. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrganisationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorImportsUnitsFromAFileAndFindsOneWithoutDiacritics(@TempDir Path folder) throws IOException {
		String prefix = "B" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
		Path file = Files.write(folder.resolve("don-vi.csv"), UnitFiles.csv(UnitFiles.province(prefix, 60)));
		try (Browser browser = new Browser(this.port, Browser.DESKTOP)) {
			browser.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
			browser.open("/admin/units/import");
			assertThat(browser.heading()).isEqualTo("Nhập đơn vị từ tệp");

			browser.attach("file", file).submit(By.cssSelector("main form button[type=submit]"));
			assertThat(browser.text()).contains("Đã nhập xong: 60 đơn vị mới, 0 đơn vị được cập nhật");

			browser.open("/admin/units");
			// With this file's code prefix: another test may have imported 1,500 other
			// "Đồng Khởi" schools,
			// more than one page of results.
			browser.type("q", "dong khoi 17 " + prefix.toLowerCase())
				.submit(By.cssSelector("form[role=search] button"));
			assertThat(browser.text()).contains("Trường THCS Đồng Khởi 17", prefix + "-S17");
		}
	}

	@Test
	void theUnitPickerFillsACodeFromANameTypedWithoutDiacritics() {
		try (Browser browser = new Browser(this.port, Browser.DESKTOP)) {
			browser.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
			browser.open("/admin/units/new");

			browser.typeSlowly("parentCode", "giong trom");
			browser.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=listbox] [role=option]")));
			browser.click(By.xpath("//li[@role='option'][contains(., 'Phòng Giáo dục và Đào tạo huyện Giồng Trôm')]"));

			assertThat(browser.value("parentCode")).isEqualTo("PGD-GTR");
			browser.checkAccessibility();
		}
	}

	@Test
	void theMultiplePickerChoosesASubtreeAndATypeOnAPhone() {
		long expected = this.jdbc.sql("""
				select count(*) from unit u, unit o, unit d
				where o.code = 'PGD-GTR' and d.code = 'SGDDT-BT' and u.valid_to is null and u.path like d.path || '%'
				  and (u.path like o.path || '%' or u.type = 'CONTINUING_EDUCATION')
				""").query(Long.class).single();
		try (Browser browser = new Browser(this.port, Browser.PHONE)) {
			browser.login(TestAccounts.DEPARTMENT_OFFICER, TestAccounts.DEMO_PASSWORD);
			browser.open("/test-picker");

			browser.click(By.id("recipients-subtree"));
			browser.typeSlowly("recipients-search", "phong giao duc giong");
			browser.click(By.xpath("//li[@role='option'][contains(., 'Giồng Trôm')]"));
			browser.wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-unit-picker-chosen]"),
					"(và các đơn vị trực thuộc)"));
			browser.click(By.cssSelector("#recipients-type option[value=CONTINUING_EDUCATION]"));
			browser.click(By.cssSelector("button[data-unit-picker-add-type]"));
			browser.checkAccessibility();
			browser.submit(By.cssSelector("main form button[type=submit]"));

			assertThat(browser.text()).contains("Phòng Giáo dục và Đào tạo huyện Giồng Trôm (và các đơn vị trực thuộc)",
					"GDNN-GDTX");
			assertThat(browser.text()).contains(String.valueOf(expected));
		}
	}

}
