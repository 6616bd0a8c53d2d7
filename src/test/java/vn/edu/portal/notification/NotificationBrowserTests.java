package vn.edu.portal.notification;

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
 * A school leader sees the bell count rise when a directive is published to the school.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotificationBrowserTests {

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
	void theBellCountsTheNewDirectiveAndLeadsToIt() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		try (Browser school = new Browser(this.port, Browser.DESKTOP)) {
			school.login(dept.schoolLeader, TestPeople.PASSWORD);
			school.open("/");
			assertThat(school.isDisplayed(By.id("bell"))).isTrue();
			assertThat(school.text()).doesNotContain("Thông báo 1");

			long directive = this.directives.publishSampleTo(dept, List.of(dept.upperSecondaryOne),
					this.formats.today());

			school.open("/").checkAccessibility();
			assertThat(school.text()).contains("Thông báo 1");
			school.click(By.id("bell")).checkAccessibility();
			assertThat(school.heading()).isEqualTo("Thông báo");
			assertThat(school.text()).contains("Văn bản mới 01/SGD&ĐT-CTTT", "Chưa đọc");
			school.click(By.partialLinkText("Văn bản mới 01/SGD&ĐT-CTTT")).checkAccessibility();
			assertThat(school.path()).isEqualTo("/directives/" + directive);
			assertThat(school.text()).doesNotContain("Thông báo 1");
		}
	}

}
