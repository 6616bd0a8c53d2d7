package vn.edu.portal.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.Browser;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer drafts the periodic báo cáo from the dashboard, prints it and downloads it
 * for Word; then a second one, to the Provincial People's Committee, from a phone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PeriodicReportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Autowired
	Formats formats;

	@Test
	void anOfficerDraftsTheReportFromTheDashboardAndPrintsIt() throws Exception {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		LocalDate today = this.formats.today();
		this.directives.publishSampleTo(dept, List.of(dept.districtOne, dept.upperSecondaryOne), today);

		try (Browser officer = new Browser(this.port, Browser.DESKTOP)) {
			officer.login(dept.officer, TestPeople.PASSWORD);
			officer.click(By.linkText("Theo dõi")).checkAccessibility();
			officer.click(By.id("draft-report")).checkAccessibility();
			assertThat(officer.heading()).isEqualTo("Soạn báo cáo định kỳ");
			officer.submit(By.id("draft-report"));
			assertThat(officer.text()).as("nothing chosen").contains("Chọn nơi nhận báo cáo.");
			officer.click(By.id("addressee-MINISTRY"));
			officer.submit(By.id("draft-report"));
			assertThat(officer.path()).matches("/directives/\\d+");
			assertThat(officer.text()).contains("Đã soạn dự thảo báo cáo", "Lượt văn bản phải tiếp nhận",
					"[Đánh giá của đơn vị:");
			officer.click(By.id("docx"));
			Path word = officer.downloaded(".docx");
			try (XWPFDocument document = new XWPFDocument(Files.newInputStream(word));
					XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
				assertThat(extractor.getText()).contains("BÁO CÁO", "Kính gửi: Bộ Giáo dục và Đào tạo",
						"2 lượt văn bản chưa đến hạn, chưa tính vào tỷ lệ");
			}
			officer.click(By.linkText("Bản in"));
			officer.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.letter")));
			officer.checkAccessibility();
			assertThat(officer.text()).contains("DỰ THẢO", "BÁO CÁO", "Kính gửi:\nBộ Giáo dục và Đào tạo",
					"Chỉ tiêu Số lượng Tỷ lệ", "Chưa đến hạn tiếp nhận 2");
		}
		try (Browser phone = new Browser(this.port, Browser.PHONE)) {
			phone.login(dept.officer, TestPeople.PASSWORD);
			phone.open("/dashboard");
			phone.click(By.id("draft-report")).checkAccessibility();
			phone.click(By.id("addressee-PROVINCE"));
			phone.submit(By.id("draft-report"));
			assertThat(phone.path()).matches("/directives/\\d+");
			phone.click(By.linkText("Bản in"));
			phone.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.letter")));
			phone.checkAccessibility();
			assertThat(phone.text()).contains("Kính gửi:\nỦy ban nhân dân tỉnh", "Chỉ tiêu Số lượng Tỷ lệ");
		}
		List<String> drafts = this.jdbc.sql("""
				select addressees from directive where type = 'BAO_CAO' and issuer_unit_id = ? order by id
				""").param(dept.department).query(String.class).list();
		assertThat(drafts).as("both drafts").hasSize(2);
		assertThat(drafts.get(0)).isEqualTo("Bộ Giáo dục và Đào tạo");
		assertThat(drafts.get(1)).startsWith("Ủy ban nhân dân tỉnh");
	}

}
