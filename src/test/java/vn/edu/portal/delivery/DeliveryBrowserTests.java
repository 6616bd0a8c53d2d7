package vn.edu.portal.delivery;

import java.time.LocalDate;
import java.util.List;

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

/** A school leader on a phone finds a new directive in the inbox and acknowledges it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DeliveryBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Formats formats;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Test
	void aSchoolLeaderOpensTheInboxAndAcknowledges() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		LocalDate today = this.formats.today();
		this.directives.publishSampleTo(dept, List.of(dept.upperSecondaryOne), today);

		try (Browser school = new Browser(this.port, Browser.PHONE)) {
			school.login(dept.schoolLeader, TestPeople.PASSWORD);
			school.click(By.cssSelector("button.navbar-toggler"));
			school.wait(org.openqa.selenium.support.ui.ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("#portal-menu a[href='/inbox']")));
			assertThat(school.text()).contains("Văn bản đến 1");
			school.click(By.cssSelector("#portal-menu a[href='/inbox']")).checkAccessibility();
			assertThat(school.heading()).isEqualTo("Văn bản đến");
			assertThat(school.text()).contains("01/SGD&ĐT-CTTT", "Mới", "còn 1 ngày làm việc");

			school.click(By.partialLinkText("01/SGD&ĐT-CTTT")).checkAccessibility();
			assertThat(school.text()).contains("Xác nhận đã tiếp nhận", "Đã xem");
			school.submit(By.cssSelector("form[action$='/acknowledge'] button"));
			assertThat(school.text()).contains("Đã xác nhận tiếp nhận.", "Đã tiếp nhận lúc");
		}
	}

	@Test
	void aSchoolReportsTheDepartmentReturnsItAndTheSchoolResubmits() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		LocalDate today = this.formats.today();
		this.directives.publishWithReport(dept, List.of(dept.upperSecondaryOne), today, today.plusDays(7));

		try (Browser school = new Browser(this.port, Browser.DESKTOP)) {
			school.login(dept.schoolLeader, TestPeople.PASSWORD);
			school.open("/inbox");
			school.click(By.partialLinkText("01/SGD&ĐT-CTTT")).checkAccessibility();
			school.submit(By.cssSelector("form[action$='/acknowledge'] button"));
			school.click(By.linkText("Viết báo cáo")).checkAccessibility();
			new org.openqa.selenium.support.ui.Select(school
				.wait(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.id("tasks0.status"))))
				.selectByValue("DONE");
			school.type("tasks0.narrative", "Đã quán triệt đến 100% giáo viên.");
			school.type("figures", "2 buổi, 56 giáo viên");
			school.submit(By.cssSelector("button[name=action][value=submit]"));
			assertThat(school.text()).contains("Đã nộp báo cáo cho Sở.", "Đã nộp, chờ duyệt");

			try (Browser officer = new Browser(this.port, Browser.DESKTOP)) {
				officer.login(dept.officer, TestPeople.PASSWORD);
				officer.open("/reports/review");
				officer.click(By.linkText("Trường THPT Một")).checkAccessibility();
				assertThat(officer.text()).contains("Đã quán triệt đến 100% giáo viên.", "2 buổi, 56 giáo viên");
				officer.type("comment", "Bổ sung kết quả nhiệm vụ 5.");
				officer.submit(By.cssSelector("form[action$='/return'] button"));
				assertThat(officer.text()).contains("Đã trả lại báo cáo để đơn vị bổ sung.");
			}

			school.open("/inbox");
			school.click(By.partialLinkText("01/SGD&ĐT-CTTT")).checkAccessibility();
			assertThat(school.text()).contains("Sở trả lại: Bổ sung kết quả nhiệm vụ 5.");
			school.click(By.linkText("Viết báo cáo")).checkAccessibility();
			assertThat(school.value("tasks0.narrative")).isEqualTo("Đã quán triệt đến 100% giáo viên.");
			school.type("tasks4.narrative", "Đã giao tổ chuyên môn giám sát các nhóm mạng xã hội của lớp.");
			school.submit(By.cssSelector("button[name=action][value=submit]"));
			assertThat(school.text()).contains("Đã nộp báo cáo cho Sở.");
			school.click(By.linkText("Các lần nộp")).checkAccessibility();
			assertThat(school.text()).contains("Lần nộp 2", "Lần nộp 1", "trả lại: Bổ sung kết quả nhiệm vụ 5.");

			// The report of a second directive, in the same browser, starts from nothing.
			this.directives.publishWithReport(dept, List.of(dept.upperSecondaryOne), today, today.plusDays(9));
			school.open("/inbox");
			school.click(By.partialLinkText("02/SGD&ĐT-CTTT"));
			school.submit(By.cssSelector("form[action$='/acknowledge'] button"));
			school.click(By.linkText("Viết báo cáo"));
			assertThat(school.value("tasks0.narrative")).isEmpty();
			new org.openqa.selenium.support.ui.Select(school
				.wait(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.id("tasks0.status"))))
				.selectByValue("DONE");
			school.type("tasks0.narrative", "Đã tổ chức ngoại khóa cho khối 10.");
			school.submit(By.cssSelector("button[name=action][value=submit]"));
			assertThat(school.text()).contains("Đã nộp báo cáo cho Sở.");
		}
		assertThat(this.jdbc.sql("""
				select t.narrative from report r join assignment a on a.id = r.assignment_id
				join report_task t on t.report_id = r.id and t.position = 0
				where a.unit_id = ? and r.submitted_at is not null order by r.id
				""").param(dept.upperSecondaryOne).query(String.class).list())
			.containsExactly("Đã quán triệt đến 100% giáo viên.", "Đã tổ chức ngoại khóa cho khối 10.");
	}

}
