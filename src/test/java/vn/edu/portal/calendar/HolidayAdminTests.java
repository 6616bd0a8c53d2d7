package vn.edu.portal.calendar;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** The holiday page for administrators, and its effect on every deadline. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HolidayAdminTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorKeepsTheHolidaysAndDeadlinesSkipThem() {
		PortalHttp admin = login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		admin.get("/admin/holidays?year=2031");
		LocalDate newYear = LocalDate.of(2031, 1, 1);
		assertThat(this.workingDays.nextWorkingDay(LocalDate.of(2030, 12, 31))).isEqualTo(newYear);

		assertThat(PortalHttp.location(
				admin.post("/admin/holidays", Map.of("year", "2031", "day", "01/01/2031", "name", "Tết Dương lịch"))))
			.isEqualTo("/admin/holidays?year=2031");
		Document page = Jsoup.parse(admin.get("/admin/holidays?year=2031").body());
		assertThat(page.text()).contains("01/01/2031 · Tết Dương lịch", "Đã thêm ngày nghỉ.");
		assertThat(this.workingDays.nextWorkingDay(LocalDate.of(2030, 12, 31))).isEqualTo(LocalDate.of(2031, 1, 2));

		HttpResponse<String> again = admin.post("/admin/holidays",
				Map.of("year", "2031", "day", "01/01/2031", "name", "Lần nữa"));
		assertThat(Jsoup.parse(again.body()).select("#day-error").text()).isEqualTo("Ngày này đã là ngày nghỉ.");
		HttpResponse<String> wrong = admin.post("/admin/holidays",
				Map.of("year", "2031", "day", "30/02/2031", "name", "Tết Nguyên đán"));
		Document wrongPage = Jsoup.parse(wrong.body());
		assertThat(wrongPage.select("#day-error").text()).startsWith("Ngày không hợp lệ");
		assertThat(wrongPage.select("#name").val()).isEqualTo("Tết Nguyên đán");

		admin.post("/admin/holidays/fixed", Map.of("year", "2031"));
		assertThat(this.jdbc.sql("select count(*) from holiday where extract(year from day) = 2031")
			.query(Integer.class)
			.single()).isEqualTo(4);
		admin.get("/admin/holidays?year=2031");
		admin.post("/admin/holidays/remove", Map.of("year", "2031", "day", "2031-01-01"));
		assertThat(this.workingDays.nextWorkingDay(LocalDate.of(2030, 12, 31))).isEqualTo(newYear);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action like 'HOLIDAY_%' and object_id like '2031-%'")
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void onlyAdministratorsKeepHolidays() {
		PortalHttp leader = login(TestAccounts.DEPARTMENT_LEADER, TestAccounts.DEMO_PASSWORD);
		assertThat(leader.get("/admin/holidays").statusCode()).isEqualTo(403);
		assertThat(
				leader.post("/admin/holidays", Map.of("year", "2032", "day", "01/01/2032", "name", "x")).statusCode())
			.isEqualTo(403);
	}

	private PortalHttp login(String username, String password) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, password).statusCode()).isEqualTo(302);
		return http;
	}

}
