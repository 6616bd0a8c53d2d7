package vn.edu.portal.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.Browser;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import of an edXML package and the token page in a real browser, on a desktop and a
 * phone: every page checked with axe-core.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InteropBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Test
	void anOfficerImportsAPackageAndMakesTwoTokensOnADesktop(@TempDir Path folder) throws IOException {
		journey(Browser.DESKTOP, folder);
	}

	@Test
	void anOfficerImportsAPackageAndMakesTwoTokensOnAPhone(@TempDir Path folder) throws IOException {
		journey(Browser.PHONE, folder);
	}

	private void journey(Dimension size, Path folder) throws IOException {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		for (long unit : List.of(dept.department, dept.upperSecondaryOne)) {
			this.jdbc.sql("update unit set agency_code = ? where id = ?").params("G99." + unit + ".BR", unit).update();
		}
		Path file = Files.write(folder.resolve("cv-340.edxml"),
				EdXmlPackages.bytes(EdXmlPackages.letter340("G99." + dept.department + ".BR",
						List.of("G99." + dept.upperSecondaryOne + ".BR", "000.99.99.H99"))));
		try (Browser browser = new Browser(this.port, size)) {
			browser.login(dept.officer, TestPeople.PASSWORD);
			browser.open("/directives/import");
			assertThat(browser.heading()).isEqualTo("Nhập văn bản từ gói edXML");

			browser.attach("file", file).submit(By.cssSelector("main form button[type=submit]"));
			browser.checkAccessibility();
			assertThat(browser.text()).contains("Xem trước gói cv-340.edxml", "340/SGD&ĐT-CTTT", "Trường THPT Một",
					"000.99.99.H99");

			browser.submit(By.cssSelector("main form[action^='/directives/import/'] button"));
			browser.checkAccessibility();
			assertThat(browser.text()).contains("Đã tạo văn bản từ gói edXML", "340/SGD&ĐT-CTTT",
					"hệ thống quản lý văn bản của tỉnh");

			browser.open("/account/tokens");
			for (String name : List.of("Hệ thống của tỉnh", "Tập lệnh báo cáo")) {
				browser.type("name", name);
				browser.click(By.cssSelector("input[name=scopes][value='directives:read']"));
				browser.submit(By.cssSelector("main form[action='/account/tokens'] button[type=submit]"));
				browser.checkAccessibility();
				assertThat(browser.text()).contains("Chép khóa này ngay", name);
			}
			assertThat(browser.text()).contains("Hệ thống của tỉnh", "Tập lệnh báo cáo");
		}
	}

}
