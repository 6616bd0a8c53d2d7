package vn.edu.portal.home;

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

/**
 * A school leader on a phone: from the home page to an acknowledgement in two taps, twice
 * (two directives), until the home page has nothing left to acknowledge.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HomeBrowserTests {

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
	void aSchoolLeaderOnAPhoneAcknowledgesFromTheHomePageInTwoTaps() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		LocalDate today = this.formats.today();
		this.directives.publishSampleTo(dept, List.of(dept.upperSecondaryOne), today);
		this.directives.publishSampleTo(dept, List.of(dept.upperSecondaryOne), today);

		try (Browser school = new Browser(this.port, Browser.PHONE)) {
			school.login(dept.schoolLeader, TestPeople.PASSWORD);
			assertThat(school.heading()).isEqualTo("Việc cần làm");
			assertThat(school.text()).contains("Văn bản cần tiếp nhận, chuyển tiếp", "Xác nhận tiếp nhận",
					"01/SGD&ĐT-CTTT", "02/SGD&ĐT-CTTT");
			for (int acknowledged = 1; acknowledged <= 2; acknowledged++) {
				school.click(By.cssSelector("#todo-acknowledge a.todo-item")).checkAccessibility();
				assertThat(school.path()).startsWith("/inbox/");
				school.submit(By.cssSelector("form[action$='/acknowledge'] button"));
				assertThat(school.text()).contains("Đã xác nhận tiếp nhận.");
				school.open("/");
				assertThat(school.isDisplayed(By.cssSelector("#todo-acknowledge a.todo-item")))
					.as("after %d acknowledged", acknowledged)
					.isEqualTo(acknowledged < 2);
			}
		}
		assertThat(this.jdbc.sql("select count(*) from assignment where unit_id = ? and acknowledged_at is not null")
			.param(dept.upperSecondaryOne)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

}
