package vn.edu.portal.directive;

import org.junit.jupiter.api.Test;
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

/**
 * An officer drafts, a leader publishes, the print view shows the number: in Chromium.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DirectiveBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOfficerDraftsALeaderPublishesAndThePrintViewShowsTheNumber() {
		String path;
		try (Browser officer = new Browser(this.port, Browser.DESKTOP)) {
			officer.login(TestAccounts.DEPARTMENT_OFFICER, TestAccounts.DEMO_PASSWORD);
			officer.click(By.cssSelector("#portal-menu a[href='/directives']")).checkAccessibility();
			assertThat(officer.heading()).isEqualTo("Văn bản chỉ đạo");
			officer.click(By.linkText("Soạn văn bản")).checkAccessibility();
			assertThat(officer.value("issuerAbbreviation")).as("the issuer lines of the officer's last directive")
				.isEqualTo("SGD&ĐT");

			draft(officer, "tổ chức tuần lễ an toàn trên mạng cho học sinh",
					"Tổ chức tiết sinh hoạt về an toàn trên mạng trong tuần đầu tháng.");
			path = officer.path();

			officer.submit(By.cssSelector("form[action$='/submit'] button"));
			assertThat(officer.text()).contains("Đã trình lãnh đạo duyệt.", "Chờ duyệt");

			// A second draft in the same browser is a new one, started empty.
			officer.open("/directives/new");
			assertThat(officer.value("subject")).isEmpty();
			draft(officer, "hướng dẫn phụ huynh quản lý thiết bị của con",
					"Gửi thư hướng dẫn phụ huynh trong tuần đầu học kỳ.");
			assertThat(officer.path()).isNotEqualTo(path);
		}
		assertThat(this.jdbc.sql("select count(*) from directive where subject in (?, ?)")
			.params("tổ chức tuần lễ an toàn trên mạng cho học sinh", "hướng dẫn phụ huynh quản lý thiết bị của con")
			.query(Integer.class)
			.single()).isEqualTo(2);

		try (Browser leader = new Browser(this.port, Browser.PHONE)) {
			leader.login(TestAccounts.DEPARTMENT_LEADER, TestAccounts.DEMO_PASSWORD);
			leader.open(path);
			assertThat(leader.text()).contains("Duyệt và ban hành");
			leader.submit(By.cssSelector("form[action$='/publish'] button"));
			assertThat(leader.text()).containsPattern("Đã ban hành văn bản số \\d{2}/SGD&ĐT-CTTT");

			leader.click(By.linkText("Bản in"));
			leader.wait(ExpectedConditions.urlContains("/print"));
			leader.checkAccessibility();
			assertThat(leader.text()).containsPattern("Số: \\d{2}/SGD&ĐT-CTTT")
				.contains("V/v tổ chức tuần lễ an toàn trên mạng cho học sinh", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
						"1. Tổ chức tiết sinh hoạt về an toàn trên mạng trong tuần đầu tháng.");
		}
	}

	private static void draft(Browser officer, String subject, String task) {
		officer.type("subject", subject)
			.type("opening", "Sở Giáo dục và Đào tạo đề nghị các trường thực hiện:")
			.type("tasks0.text", task)
			.type("signerPosition", "PHÓ GIÁM ĐỐC")
			.type("signerName", "La Thị Thúy");
		new org.openqa.selenium.support.ui.Select(
				officer.wait(ExpectedConditions.elementToBeClickable(By.id("implementers-type"))))
			.selectByValue("UPPER_SECONDARY");
		officer.click(By.cssSelector("fieldset[data-name='implementers'] [data-unit-picker-add-type]"));
		officer.wait(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("fieldset[data-name='implementers'] input[type=hidden][value='TYPE:UPPER_SECONDARY']")));
		officer.submit(By.cssSelector("main form button.btn-primary[type=submit]"));
		assertThat(officer.text()).contains("Đã lưu dự thảo.", "Dự thảo");
	}

}
