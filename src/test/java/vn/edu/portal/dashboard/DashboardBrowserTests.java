package vn.edu.portal.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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
 * An officer opens the dashboard, drills down to a district and a school, exports to
 * Excel.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardBrowserTests {

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
	void anOfficerDrillsDownToADistrictAndASchoolAndExports() throws Exception {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		LocalDate today = this.formats.today();
		this.directives.publishSampleTo(dept, List.of(dept.districtOne, dept.upperSecondaryOne), today);
		long district = this.jdbc.sql("select id from assignment where unit_id = ?")
			.param(dept.districtOne)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into assignment (directive_id, unit_id, role, delivered_at, acknowledge_by, parent_id)
				select directive_id, ?, 'IMPLEMENT', now(), acknowledge_by, id from assignment where id = ?
				""").params(dept.schoolOfDistrictOne, district).update();
		// Due yesterday: what is not yet due counts in no rate.
		this.jdbc.sql("""
				update assignment set acknowledge_by = ?
				where directive_id = (select directive_id from assignment where id = ?)
				""").params(today.minusDays(1), district).update();

		try (Browser officer = new Browser(this.port, Browser.DESKTOP)) {
			officer.login(dept.officer, TestPeople.PASSWORD);
			officer.click(By.linkText("Theo dõi")).checkAccessibility();
			assertThat(officer.heading()).isEqualTo("Theo dõi thực hiện: Sở Giáo dục và Đào tạo thử nghiệm");
			assertThat(officer.text()).contains("0% (0/3)", "Phòng GD&ĐT huyện Một");
			assertThat(officer.script("""
					return ['trend-chart', 'incidents-chart', 'distribution-chart']
					  .filter(function (id) { return Chart.getChart(document.getElementById(id)) !== undefined; })
					  .length""")).as("the charts drawn from their tables").isEqualTo(2L);
			officer.click(By.linkText("Phòng GD&ĐT huyện Một")).checkAccessibility();
			assertThat(officer.heading()).isEqualTo("Theo dõi thực hiện: Phòng GD&ĐT huyện Một");
			assertThat(officer.text()).contains("0% (0/2)");
			officer.click(By.linkText("Trường THCS Một")).checkAccessibility();
			assertThat(officer.heading()).isEqualTo("Theo dõi thực hiện: Trường THCS Một");
			assertThat(officer.text()).contains("0% (0/1)");
			officer.click(By.id("export-xlsx"));
			Path file = officer.downloaded(".xlsx");
			try (Workbook book = WorkbookFactory.create(Files.newInputStream(file))) {
				assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("Trường THCS Một");
				assertThat(book.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue()).isEqualTo(1);
			}
			officer.click(By.linkText("Phòng GD&ĐT huyện Một")).checkAccessibility();
			assertThat(officer.heading()).isEqualTo("Theo dõi thực hiện: Phòng GD&ĐT huyện Một");
		}
		try (Browser leader = new Browser(this.port, Browser.PHONE)) {
			leader.login(dept.districtLeader, TestPeople.PASSWORD);
			leader.open("/dashboard").checkAccessibility();
			assertThat(leader.heading()).isEqualTo("Theo dõi thực hiện: Phòng GD&ĐT huyện Một");
			assertThat(leader.text()).contains("0% (0/2)");
			leader.script("document.getElementById('type').value = 'LOWER_SECONDARY'");
			leader.submit(By.cssSelector("form[aria-labelledby=period-title] button[type=submit]"))
				.checkAccessibility();
			assertThat(leader.value("type")).isEqualTo("LOWER_SECONDARY");
			assertThat(leader.text()).as("only the school, not the office itself")
				.contains("0% (0/1)")
				.doesNotContain("0% (0/2)");
		}
	}

}
