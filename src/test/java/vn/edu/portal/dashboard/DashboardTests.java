package vn.edu.portal.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestClock;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The dashboard's figures on a small tree counted by hand: one directive to two schools,
 * a district office (which forwarded it to its school) and a school that has merged since
 * into one of the others; a recalled directive; a late acknowledgement; a late, an
 * on-time and missing reports; two incidents; and a district with nothing expected.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestClock.Config.class)
class DashboardTests {

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

	@Autowired
	TestClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Dashboards dashboards;

	TestDepartment dept;

	long merged;

	long directive;

	long recalled;

	String period;

	@BeforeEach
	void tree() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		LocalDate today = this.formats.today();
		this.merged = this.dept.unit("SAPNHAP", "Trường THPT Sáp Nhập", "UPPER_SECONDARY", this.dept.department);
		long directive = this.directive = this.directives.publishWithReport(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo, this.dept.districtOne, this.merged),
				today, today.plusDays(5));
		long recalled = this.recalled = this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne),
				today);
		this.jdbc.sql("update directive set status = 'RECALLED' where id = ?").param(recalled).update();
		this.jdbc.sql("update assignment set withdrawn_at = now() where directive_id = ?").param(recalled).update();
		// The report was due yesterday.
		this.jdbc.sql("update directive set report_due = ? where id = ?")
			.params(today.minusDays(1), directive)
			.update();
		this.jdbc.sql("update assignment set due_on = ? where directive_id = ?")
			.params(today.minusDays(1), directive)
			.update();
		long leader = account(this.dept.schoolLeader);
		acknowledge(directive, this.dept.upperSecondaryOne, false, leader);
		acknowledge(directive, this.dept.upperSecondaryTwo, true, leader);
		acknowledge(directive, this.merged, false, leader);
		long district = assignment(directive, this.dept.districtOne);
		this.jdbc.sql("""
				insert into assignment (directive_id, unit_id, role, delivered_at, acknowledge_by, due_on, parent_id)
				values (?, ?, 'IMPLEMENT', now(), current_date + 1, ?, ?)
				""").params(directive, this.dept.schoolOfDistrictOne, today.minusDays(1), district).update();
		// Every acknowledgement was due yesterday, too: the figures count them all.
		this.jdbc.sql("update assignment set acknowledge_by = ? where directive_id = ?")
			.params(today.minusDays(1), directive)
			.update();
		report(assignment(directive, this.dept.upperSecondaryOne), today.minusDays(1), "ACCEPTED", false, leader);
		report(assignment(directive, this.dept.upperSecondaryTwo), today.minusDays(1), "SUBMITTED", true, leader);
		this.jdbc.sql("update unit set valid_to = ?, successor_id = ? where id = ?")
			.params(today, this.dept.upperSecondaryTwo, this.merged)
			.update();
		incident(this.dept.upperSecondaryOne, false, "interval '1 day'", leader);
		incident(this.dept.upperSecondaryTwo, true, "interval '-1 hour'", leader);
		this.period = "kind=CUSTOM&from=" + Formats.dayMonthYear(today.minusDays(10)) + "&to="
				+ Formats.dayMonthYear(today);
	}

	@Test
	void theDepartmentsFiguresAreThoseCountedByHand() {
		PortalHttp officer = login(this.dept.officer);
		Document page = Jsoup.parse(officer.get("/dashboard?unit=" + this.dept.department + "&" + this.period).body());

		assertThat(page.select("#ack-done").text()).isEqualTo("60% (3/5)");
		assertThat(page.select("#ack-on-time").text()).isEqualTo("40% (2/5)");
		assertThat(page.select("#rep-submitted").text()).isEqualTo("40% (2/5)");
		assertThat(page.select("#rep-on-time").text()).isEqualTo("20% (1/5)");
		assertThat(page.select("#rep-accepted").text()).isEqualTo("20% (1/5)");
		assertThat(page.select("#rep-overdue").text()).isEqualTo("3");
		assertThat(page.select("#inc-count").text()).isEqualTo("2");
		assertThat(page.select("#inc-within").text()).isEqualTo("50% (1/2)");
		assertThat(page.select("#inc-open-late").text()).isEqualTo("1");
		// (40 × 0.4 + 40 × 0.2 + 20 × 0.5) / 100
		assertThat(page.select("#score").text()).isEqualTo("34");
		assertThat(page.text()).contains("trọng số 40");

		assertThat(row(page, "THPT2").select("td").eachText()).as("with the school merged into it")
			.containsExactly("20", "50% (1/2)", "0% (0/2)", "1", "1 · 0% (0/1)", "0");
		assertThat(row(page, "PGD1").select("td").eachText()).as("with the school it forwarded to")
			.containsExactly("0", "0% (0/2)", "0% (0/2)", "2", "0 · —", "0");
		assertThat(row(page, "PGD2").select("td").eachText()).as("nothing expected")
			.containsExactly("—", "—", "—", "0", "0 · —", "0");
		assertThat(page.select("#children tr[data-unit$=SAPNHAP]")).as("closed into its successor").isEmpty();
		assertThat(page.select("#incidents-by-severity").text()).contains("Mức 2 · Trung bình 2");
		assertThat(page.select("#distribution tbody tr").eachText()).containsExactly("Đỏ (dưới 70) 2",
				"Vàng (từ 70 đến dưới 90) 0", "Xanh (từ 90) 1", "Chưa có gì phải làm 3");
		LocalDate today = this.formats.today();
		String month = String.format("%02d/%d", today.getMonthValue(), today.getYear());
		assertThat(page.select("#trend tbody tr").eachText()).contains(month + " 40% (2/5) 20% (1/5)");
		assertThat(page.select("#incident-months thead th").eachText()).containsExactly("Tháng", "BNTT");
		List<String> incidentMonths = page.select("#incident-months tbody tr").eachText();
		assertThat(incidentMonths).as("both incidents are of this month").last().isEqualTo(month + " 2");
		assertThat(incidentMonths.subList(0, incidentMonths.size() - 1)).allMatch((row) -> row.endsWith(" 0"));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aDirectivePublishedTodayIsPendingUntilItsDeadlinePassesAndCountsWhenDoneEarly() {
		String department = "/dashboard?unit=" + this.dept.department + "&" + this.period;
		Document before = Jsoup.parse(login(this.dept.officer).get(department).body());
		assertThat(before.select("#ack-pending").text()).isEqualTo("0");
		LocalDate today = this.formats.today();
		long published = this.directives.publishWithReport(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo, this.dept.districtOne), today,
				today.plusDays(5));
		LocalDate acknowledgeBy = this.jdbc.sql("select max(acknowledge_by) from assignment where directive_id = ?")
			.param(published)
			.query(LocalDate.class)
			.single();
		assertThat(acknowledgeBy).as("due after today").isAfter(today);

		Document after = Jsoup.parse(login(this.dept.officer).get(department).body());
		for (String figure : List.of("#ack-done", "#ack-on-time", "#rep-submitted", "#rep-on-time", "#rep-accepted",
				"#rep-overdue", "#score")) {
			assertThat(after.select(figure).text()).as(figure + " unchanged by what is not yet due")
				.isEqualTo(before.select(figure).text());
		}
		assertThat(after.select("#ack-pending").text()).isEqualTo("3");
		assertThat(row(after, "PGD1").select("td").eachText()).as("not a failure of the district")
			.containsExactly("0", "0% (0/2)", "0% (0/2)", "2", "0 · —", "0");
		String reportsDue = "/dashboard?unit=" + this.dept.department + "&kind=CUSTOM&from="
				+ Formats.dayMonthYear(today.minusDays(10)) + "&to=" + Formats.dayMonthYear(today.plusDays(10));
		Document withReports = Jsoup.parse(login(this.dept.officer).get(reportsDue).body());
		assertThat(withReports.select("#rep-pending").text()).as("the reports due in five days").isEqualTo("3");
		assertThat(withReports.select("#rep-submitted").text()).isEqualTo(before.select("#rep-submitted").text());
		String csv = new String(login(this.dept.officer).download(after.select("#export-csv").attr("href")).body(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("Tiếp nhận chưa đến hạn");
		assertThat(csv.lines().skip(1).findFirst().orElseThrow()).as("the Department's row").contains(",3,0,2,");

		acknowledge(published, this.dept.upperSecondaryOne, false, account(this.dept.schoolLeader));
		Document early = Jsoup.parse(login(this.dept.officer).get(department).body());
		assertThat(early.select("#ack-done").text()).as("done early counts").isEqualTo("66% (4/6)");
		assertThat(early.select("#ack-on-time").text()).isEqualTo("50% (3/6)");
		assertThat(early.select("#ack-pending").text()).isEqualTo("2");

		this.clock.set(acknowledgeBy.plusDays(1).atTime(10, 0).atZone(this.formats.zone()).toInstant());
		Document passed = Jsoup.parse(login(this.dept.officer).get(department).body());
		assertThat(passed.select("#ack-pending").text()).as("its deadline passed, with no write").isEqualTo("0");
		assertThat(passed.select("#ack-done").text()).isEqualTo("50% (4/8)");
		assertThat(passed.select("#ack-on-time").text()).isEqualTo("37% (3/8)");
		assertThat(row(passed, "PGD1").select("td").eachText()).containsExactly("0", "0% (0/3)", "0% (0/2)", "2",
				"0 · —", "0");
		assertThat(passed.select("#trend tbody tr").eachText()).as("the trend counts it too")
			.contains(String.format("%02d/%d", today.getMonthValue(), today.getYear()) + " 37% (3/8) 20% (1/5)");
	}

	@Test
	void theFiguresOfOneTypeOfUnitOrOfOneDirective() {
		PortalHttp officer = login(this.dept.officer);
		String department = "/dashboard?unit=" + this.dept.department + "&" + this.period;
		Document upperSecondary = Jsoup.parse(officer.get(department + "&type=UPPER_SECONDARY").body());
		assertThat(upperSecondary.select("#ack-done").text()).as("the two schools and the one merged into them")
			.isEqualTo("100% (3/3)");
		assertThat(upperSecondary.select("#ack-on-time").text()).isEqualTo("66% (2/3)");
		assertThat(upperSecondary.select("#inc-count").text()).isEqualTo("2");
		assertThat(row(upperSecondary, "PGD1").select("td").eachText()).as("no upper-secondary school below it")
			.containsExactly("—", "—", "—", "0", "0 · —", "0");
		assertThat(upperSecondary.select("#type option[selected]").text()).isEqualTo("THPT");

		Document one = Jsoup.parse(officer.get(department + "&directive=" + this.directive).body());
		assertThat(one.select("#ack-done").text()).isEqualTo("60% (3/5)");
		assertThat(one.select("#rep-overdue").text()).isEqualTo("3");
		assertThat(one.select("#inc-count").text()).as("no incident is linked to it").isEqualTo("0");
		assertThat(one.select("#directive option[selected]").attr("value")).isEqualTo(String.valueOf(this.directive));
		assertThat(one.select("#export-xlsx").attr("href")).contains("directive=" + this.directive);

		Document withdrawn = Jsoup.parse(officer.get(department + "&directive=" + this.recalled).body());
		assertThat(withdrawn.select("#ack-done").text()).as("a recalled directive counts for nothing").isEqualTo("—");

		assertThat(officer.get(department + "&type=NOT_A_TYPE").statusCode()).isEqualTo(400);
		PortalHttp leader = login(this.dept.districtLeader);
		assertThat(leader
			.get("/dashboard?unit=" + this.dept.districtOne + "&" + this.period + "&directive="
					+ this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne),
							this.formats.today()))
			.statusCode()).as("a directive the district never received").isEqualTo(404);
	}

	@Test
	void aPeriodOfDaysCountsThoseDaysOnly() {
		PortalHttp officer = login(this.dept.officer);
		LocalDate today = this.formats.today();
		String after = "kind=CUSTOM&from=" + Formats.dayMonthYear(today.plusDays(1)) + "&to="
				+ Formats.dayMonthYear(today.plusDays(5));
		Document page = Jsoup.parse(officer.get("/dashboard?unit=" + this.dept.department + "&" + after).body());
		assertThat(page.select("#ack-done").text()).as("nothing was delivered after today").isEqualTo("—");
		assertThat(page.select("#trend tbody tr").eachText()).allSatisfy((row) -> assertThat(row).endsWith("— —"));
		String yesterday = "kind=CUSTOM&from=" + Formats.dayMonthYear(today.minusDays(1)) + "&to="
				+ Formats.dayMonthYear(today.minusDays(1));
		Document due = Jsoup.parse(officer.get("/dashboard?unit=" + this.dept.department + "&" + yesterday).body());
		assertThat(due.select("#ack-done").text()).isEqualTo("—");
		assertThat(due.select("#rep-submitted").text()).as("the reports due yesterday").isEqualTo("40% (2/5)");
	}

	@Test
	void drillingDownShowsTheWayBackUp() {
		PortalHttp officer = login(this.dept.officer);
		Document department = Jsoup
			.parse(officer.get("/dashboard?unit=" + this.dept.department + "&" + this.period).body());
		String down = row(department, "PGD1").select("a").attr("href");
		Document district = Jsoup.parse(officer.get(down).body());
		assertThat(district.select("h1").text()).isEqualTo("Theo dõi thực hiện: Phòng GD&ĐT huyện Một");
		assertThat(district.select(".breadcrumb a").eachText()).containsExactly("Sở Giáo dục và Đào tạo thử nghiệm");
		assertThat(district.select("#ack-done").text()).isEqualTo("0% (0/2)");
		assertThat(row(district, "THCS1").select("td").eachText()).containsExactly("0", "0% (0/1)", "0% (0/1)", "1",
				"0 · —", "0");
	}

	@Test
	void aUnitLeaderSeesItsScopeOnlyAndStaffNone() {
		PortalHttp district = login(this.dept.districtLeader);
		Document own = Jsoup.parse(district.get("/dashboard?" + this.period).body());
		assertThat(own.select("h1").text()).isEqualTo("Theo dõi thực hiện: Phòng GD&ĐT huyện Một");
		assertThat(district.get("/dashboard?unit=" + this.dept.upperSecondaryOne + "&" + this.period).statusCode())
			.isEqualTo(404);
		assertThat(district.get("/dashboard?unit=" + this.dept.department).statusCode()).isEqualTo(404);
		PortalHttp staff = login(this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF));
		assertThat(staff.get("/dashboard").statusCode()).isEqualTo(403);
	}

	@Test
	void periodsThatMakeNoSenseAreExplained() {
		PortalHttp officer = login(this.dept.officer);
		String base = "/dashboard?unit=" + this.dept.department + "&kind=CUSTOM";
		assertThat(
				Jsoup.parse(officer.get(base + "&from=10/01/2026&to=01/01/2026").body()).select("#period-error").text())
			.isEqualTo("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.");
		assertThat(
				Jsoup.parse(officer.get(base + "&from=01/01/2010&to=02/01/2026").body()).select("#period-error").text())
			.isEqualTo("Kỳ tùy chọn dài tối đa 10 năm.");
		assertThat(
				Jsoup.parse(officer.get(base + "&from=32/01/2026&to=02/01/2026").body()).select("#period-error").text())
			.startsWith("Ngày không hợp lệ.");
		assertThat(Jsoup.parse(officer.get("/dashboard?kind=MONTH&year=2026&month=13").body())
			.select("#period-error")
			.text()).startsWith("Kỳ không hợp lệ");
		Document schoolYear = Jsoup.parse(officer.get("/dashboard?kind=SCHOOL_YEAR&year=2025").body());
		assertThat(schoolYear.text()).contains("Từ 01/09/2025 đến 31/05/2026");
	}

	@Test
	void aPageOfIncidentFiguresNeverNamesAnyone() {
		this.jdbc.sql("""
				insert into incident_names (incident_id, names, updated_at, updated_by)
				select i.id, 'Tên Không Được Hiện', now(), i.reporter_id from incident i where i.unit_id = ?
				""").param(this.dept.upperSecondaryOne).update();
		PortalHttp leader = login(this.dept.leader);
		assertThat(leader.get("/dashboard?unit=" + this.dept.department + "&" + this.period).body())
			.doesNotContain("Tên Không Được Hiện");
	}

	@Test
	void theWorkbookOpensWithTheNumbersOfThePage() throws Exception {
		PortalHttp officer = login(this.dept.officer);
		Document page = Jsoup.parse(officer.get("/dashboard?unit=" + this.dept.department + "&" + this.period).body());
		java.net.http.HttpResponse<byte[]> xlsx = officer.download(page.select("#export-xlsx").attr("href"));
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (org.apache.poi.ss.usermodel.Workbook book = org.apache.poi.ss.usermodel.WorkbookFactory
			.create(new java.io.ByteArrayInputStream(xlsx.body()))) {
			org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Tỷ lệ tiếp nhận đúng hạn");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			org.apache.poi.ss.usermodel.Row department = sheet.getRow(1);
			assertThat(department.getCell(2).getNumericCellValue()).isEqualTo(34);
			assertThat(department.getCell(3).getNumericCellValue()).isEqualTo(5);
			assertThat(department.getCell(4).getNumericCellValue()).isEqualTo(3);
			assertThat(department.getCell(6).getNumericCellValue()).isEqualTo(0.4);
			assertThat(department.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0%");
			assertThat(department.getCell(12).getNumericCellValue()).isEqualTo(3);
			org.apache.poi.ss.usermodel.Row nothing = java.util.stream.IntStream.rangeClosed(1, sheet.getLastRowNum())
				.mapToObj(sheet::getRow)
				.filter((row) -> row.getCell(0).getStringCellValue().endsWith("-PGD2"))
				.findFirst()
				.orElseThrow();
			assertThat(nothing.getCell(6)).as("nothing expected is no rate").isNull();
		}
		String csv = new String(officer.download(page.select("#export-csv").attr("href")).body(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF").contains("Tỷ lệ tiếp nhận đúng hạn", ",40%,");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'DASHBOARD_EXPORTED' and actor = ?")
			.param(this.dept.officer)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void whoHasNotRespondedIsListedAndRemindedOnceADay() {
		String school = this.people.account(this.dept.schoolOfDistrictOne, Role.UNIT_LEADER);
		this.jdbc.sql("update assignment set acknowledge_by = current_date - 1 where unit_id = ?")
			.param(this.dept.schoolOfDistrictOne)
			.update();
		PortalHttp officer = login(this.dept.officer);
		String dashboard = "/dashboard?unit=" + this.dept.department + "&" + this.period;
		Document page = Jsoup.parse(officer.get(dashboard).body());
		List<String> pending = page.select("#pending tbody tr").eachText();
		assertThat(pending).anyMatch((row) -> row.startsWith("Trường THCS Một") && row.contains("Xác nhận tiếp nhận"));
		assertThat(pending).anyMatch((row) -> row.startsWith("Trường THCS Một") && row.contains("Nộp báo cáo"));
		assertThat(pending).noneMatch((row) -> row.startsWith("Trường THPT Một"));
		Element remind = page.select("#pending tbody tr")
			.stream()
			.filter((row) -> row.text().startsWith("Trường THCS Một") && row.text().contains("Xác nhận"))
			.findFirst()
			.orElseThrow()
			.selectFirst("button[form=remind]");
		// What the browser sends: the button's action, with the fields of the form it
		// names.
		String action = remind.attr("formaction");
		java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
		page.select("form#remind input[type=hidden]").forEach((input) -> form.put(input.attr("name"), input.val()));
		assertThat(form).containsKeys("_csrf", "back");
		assertThat(PortalHttp.location(officer.post(action, form))).startsWith("/dashboard?unit=");
		officer.post(action, form);
		assertThat(this.jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.account_id
				where a.username = ? and n.kind = 'REMINDER_OVERDUE'
				""").param(school).query(Integer.class).single()).as("once a day").isOne();
		for (String invented : List.of("2031-01-01", "2020-01-01", "2019-12-31")) {
			String crafted = action.replaceAll("due=[0-9-]+", "due=" + invented);
			assertThat(officer.post(crafted, form).statusCode()).as("an invented deadline").isEqualTo(400);
		}
		assertThat(this.jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.account_id
				where a.username = ? and n.kind = 'REMINDER_OVERDUE'
				""").param(school).query(Integer.class).single()).as("no reminder of an invented deadline").isOne();

		PortalHttp otherDistrict = login(this.people.account(this.dept.districtTwo, Role.UNIT_LEADER));
		otherDistrict.get("/dashboard");
		form.remove("_csrf");
		assertThat(otherDistrict.post(action, form).statusCode()).isEqualTo(404);
	}

	private static Element row(Document page, String codeSuffix) {
		return page.select("#children tr[data-unit$=-" + codeSuffix + "]").first();
	}

	/**
	 * A dashboard is kept once worked out (see {@code Dashboards.Kept}); it must never
	 * show less than the data: another user's change shows at once, and an open incident
	 * that passes its target for triage counts as late by the clock alone, with no write.
	 */
	@Test
	void aDashboardSeenAgainShowsAnotherUsersChangeAtOnceAndAnIncidentPassingItsTargetByTheClockAlone()
			throws InterruptedException {
		PortalHttp officer = login(this.dept.officer);
		String department = "/dashboard?unit=" + this.dept.department + "&" + this.period;
		Document first = Jsoup.parse(officer.get(department).body());
		Document again = Jsoup.parse(officer.get(department + "&sort=score").body());
		assertThat(again.select("#ack-done").text()).isEqualTo(first.select("#ack-done").text()).isEqualTo("60% (3/5)");
		List<String> byName = first.select("#children tbody tr").eachAttr("data-unit");
		List<String> byScore = again.select("#children tbody tr").eachAttr("data-unit");
		assertThat(byName.get(0)).doesNotEndWith("PGD1");
		assertThat(byScore).as("the same units, by score").hasSameElementsAs(byName);
		assertThat(byScore.get(0)).endsWith("PGD1");
		assertThat(byScore.get(1)).endsWith("THPT2");

		acknowledge(this.directive, this.dept.schoolOfDistrictOne, false, account(this.dept.schoolLeader));
		Document acknowledged = Jsoup.parse(officer.get(department).body());
		assertThat(acknowledged.select("#ack-done").text()).as("acknowledged by another user").isEqualTo("80% (4/5)");
		assertThat(acknowledged.select("#ack-on-time").text()).isEqualTo("60% (3/5)");
		assertThat(row(acknowledged, "PGD1").select("td").eachText()).startsWith("25", "50% (1/2)");

		incident(this.dept.upperSecondaryOne, false, "interval '2 seconds'", account(this.dept.schoolLeader));
		Document submitted = Jsoup.parse(officer.get(department).body());
		assertThat(submitted.select("#inc-count").text()).isEqualTo("3");
		assertThat(submitted.select("#inc-open-late").text()).as("its target not yet passed").isEqualTo("1");
		UUID version = version();
		Thread.sleep(2_500);
		Document passed = Jsoup.parse(officer.get(department).body());
		assertThat(version()).as("nothing written").isEqualTo(version);
		assertThat(passed.select("#inc-open-late").text()).as("its target passed").isEqualTo("2");
	}

	/**
	 * The figures are rendered once for every reader of the same dashboard shown the same
	 * way, and only they: each reader's page carries its own token in its forms, a reader
	 * in English reads them in English, another order lists the units in that order.
	 */
	@Test
	void theFiguresRenderedForOneReaderServeAnotherWithNothingOfTheFirstReader() {
		String department = "/dashboard?unit=" + this.dept.department + "&" + this.period;
		PortalHttp officer = login(this.dept.officer);
		PortalHttp leader = login(this.dept.leader);
		Document officers = Jsoup.parse(officer.get(department).body());
		Document leaders = Jsoup.parse(leader.get(department).body());
		for (String part : List.of("#score", "#children", "#pending", "#trend", "#incident-months",
				"#incidents-by-category")) {
			assertThat(leaders.select(part).outerHtml()).as(part)
				.isNotEmpty()
				.isEqualTo(officers.select(part).outerHtml());
		}
		String officersToken = officers.select("form#remind input[name=_csrf]").val();
		String leadersToken = leaders.select("form#remind input[name=_csrf]").val();
		assertThat(leadersToken).isNotBlank().isNotEqualTo(officersToken);
		assertThat(leaders.html()).doesNotContain(officersToken);
		assertThat(leaders.select("#draft-report")).as("shown by role, outside the figures").hasSize(1);

		leader.get("/?lang=en");
		Document english = Jsoup.parse(leader.get(department).body());
		assertThat(english.select("#pending-title").text()).isEqualTo("Not responded");
		assertThat(english.select("#children-title").text()).isEqualTo("Units one level down");
		assertThat(Jsoup.parse(officer.get(department).body()).select("#pending-title").text())
			.isEqualTo("Chưa phản hồi");

		Document byOverdue = Jsoup.parse(officer.get(department + "&sort=overdue").body());
		assertThat(byOverdue.select("#children tbody tr").first().attr("data-unit")).as("two overdue").endsWith("PGD1");
		assertThat(Jsoup.parse(officer.get(department + "&sort=%3Cb%3E").body())
			.select("#children tbody tr")
			.eachAttr("data-unit")).as("an order not offered is by name")
			.isEqualTo(officers.select("#children tbody tr").eachAttr("data-unit"));
	}

	/**
	 * The number the dashboards are kept under is drawn anew when a transaction that
	 * changed what they read commits (the row is written by that transaction), not
	 * before; not for a transaction rolled back, nor for an update that leaves the rows
	 * as they were.
	 */
	@Test
	void theNumberOfTheStateOfTheDataMovesAtCommitForAChangeAndNeverForNoChange() {
		UUID unchanged = version();
		assertThat(this.jdbc.sql("update assignment set due_on = due_on where directive_id = ?")
			.param(this.directive)
			.update()).as("four recipients and the school forwarded to").isEqualTo(5);
		assertThat(version()).as("rows updated to what they were").isEqualTo(unchanged);
		UUID incidentsBefore = incidentsVersion();
		acknowledge(this.directive, this.dept.schoolOfDistrictOne, false, account(this.dept.schoolLeader));
		assertThat(version()).as("an acknowledgement").isNotEqualTo(unchanged);
		assertThat(incidentsVersion()).as("read by no incident figure").isEqualTo(incidentsBefore);
		UUID before = version();

		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		long changedBy = transaction.execute((status) -> {
			this.jdbc.sql("update assignment set acknowledge_by = acknowledge_by + 1 where directive_id = ?")
				.param(this.directive)
				.update();
			incident(this.dept.upperSecondaryTwo, false, "interval '1 day'", account(this.dept.schoolLeader));
			assertThat(version()).as("not before it commits").isEqualTo(before);
			assertThat(this.jdbc.sql("select current_setting('portal.dashboard_changed', true)")
				.query(String.class)
				.single()).as("marked at its first change, so that one event is queued").isEqualTo("yes");
			return this.jdbc.sql("select pg_current_xact_id()::text::bigint % 4294967296").query(Long.class).single();
		});
		UUID after = version();
		assertThat(after).as("drawn anew").isNotEqualTo(before);
		assertThat(this.jdbc.sql("select xmin::text::bigint from dashboard_version").query(Long.class).single())
			.as("by the transaction that changed the data")
			.isEqualTo(changedBy);
		assertThat(incidentsVersion()).as("an incident, after an assignment in the same transaction")
			.isNotEqualTo(incidentsBefore);

		transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("update unit set name = 'Đổi tên' where id = ?").param(this.dept.districtTwo).update();
			status.setRollbackOnly();
		});
		assertThat(version()).as("a change rolled back").isEqualTo(after);
	}

	/**
	 * A transaction that has changed the data reads its own change, not a dashboard kept
	 * under the number it has not moved yet; and keeps nothing of what it read.
	 */
	@Test
	void aTransactionThatChangedTheDataReadsItsOwnChangeAndKeepsNothing() {
		LocalDate today = this.formats.today();
		DashboardPeriod period = new DashboardPeriod(DashboardPeriod.Kind.CUSTOM, today.minusDays(10), today);
		assertThat(this.dashboards.view(this.dept.department, period, null, null, UnitOrder.NAME, false)
			.view()
			.main()
			.acknowledged()
			.text()).isEqualTo("60% (3/5)");
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			acknowledge(this.directive, this.dept.schoolOfDistrictOne, false, account(this.dept.schoolLeader));
			assertThat(this.dashboards.view(this.dept.department, period, null, null, UnitOrder.NAME, false)
				.view()
				.main()
				.acknowledged()
				.text()).as("its own change").isEqualTo("80% (4/5)");
			status.setRollbackOnly();
		});
		assertThat(this.dashboards.view(this.dept.department, period, null, null, UnitOrder.NAME, false)
			.view()
			.main()
			.acknowledged()
			.text()).as("rolled back").isEqualTo("60% (3/5)");
	}

	/**
	 * A dashboard worked out again after an acknowledgement keeps its incident figures
	 * (their number has not moved) and works out the rest; after an incident, both.
	 */
	@Test
	void theIncidentFiguresAreKeptAcrossAnAcknowledgementAndWorkedOutAgainForAnIncident() {
		LocalDate today = this.formats.today();
		DashboardPeriod period = new DashboardPeriod(DashboardPeriod.Kind.CUSTOM, today.minusDays(10), today);
		Dashboards.View first = this.dashboards.view(this.dept.department, period, null, null, UnitOrder.NAME, false)
			.view();
		acknowledge(this.directive, this.dept.schoolOfDistrictOne, false, account(this.dept.schoolLeader));
		Dashboards.View acknowledged = this.dashboards
			.view(this.dept.department, period, null, null, UnitOrder.NAME, false)
			.view();
		assertThat(acknowledged.main().acknowledged().text()).as("worked out again").isEqualTo("80% (4/5)");
		assertThat(acknowledged.incidentsBy()).as("the incident figures kept").isSameAs(first.incidentsBy());
		assertThat(acknowledged.main().incidents()).isEqualTo(2);

		incident(this.dept.upperSecondaryOne, false, "interval '1 day'", account(this.dept.schoolLeader));
		Dashboards.View submitted = this.dashboards
			.view(this.dept.department, period, null, null, UnitOrder.NAME, false)
			.view();
		assertThat(submitted.incidentsBy()).as("worked out again").isNotSameAs(first.incidentsBy());
		assertThat(submitted.main().incidents()).isEqualTo(3);
		assertThat(submitted.main().acknowledged().text()).isEqualTo("80% (4/5)");
	}

	/**
	 * A change to an incident submitted since the start of the previous month moves the
	 * incident figures' number alone; one to an incident submitted before it (settled),
	 * in any order within a transaction, or to the units, moves the settled incidents'
	 * number too (V68).
	 */
	@Test
	void aChangeToARecentIncidentLeavesTheSettledIncidentsNumberAndAnyOtherChangeMovesIt() {
		long by = account(this.dept.schoolLeader);
		long recent = incidentOf(this.dept.upperSecondaryOne);
		long settled = settledIncident(this.dept.upperSecondaryTwo, "4 months", "5 hours", by);
		UUID settledBefore = settledVersion();
		UUID incidentsBefore = incidentsVersion();

		this.jdbc.sql("update incident set severity = 3 where id = ?").param(recent).update();
		assertThat(incidentsVersion()).as("a recent incident's change").isNotEqualTo(incidentsBefore);
		assertThat(settledVersion()).as("a recent incident's change").isEqualTo(settledBefore);
		incident(this.dept.upperSecondaryOne, false, "interval '1 day'", by);
		assertThat(settledVersion()).as("an incident submitted now").isEqualTo(settledBefore);

		this.jdbc.sql("update incident set severity = 3 where id = ?").param(settled).update();
		assertThat(settledVersion()).as("a settled incident's change").isNotEqualTo(settledBefore);

		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		for (List<Long> order : List.of(List.of(recent, settled), List.of(settled, recent))) {
			UUID before = settledVersion();
			transaction.executeWithoutResult((status) -> order
				.forEach((id) -> this.jdbc.sql("update incident set severity = severity % 4 + 1 where id = ?")
					.param(id)
					.update()));
			assertThat(settledVersion())
				.as("both in one transaction, %s first",
						order.get(0).equals(recent) ? "the recent one" : "the settled one")
				.isNotEqualTo(before);
		}

		UUID beforeMove = settledVersion();
		this.jdbc.sql("update incident set submitted_at = now() - interval '1 year' where id = ?")
			.param(recent)
			.update();
		assertThat(settledVersion()).as("a recent incident dated back among the settled ones").isNotEqualTo(beforeMove);

		UUID beforeUnit = settledVersion();
		this.jdbc.sql("update unit set name = 'Đổi tên' where id = ?").param(this.dept.districtTwo).update();
		assertThat(settledVersion()).as("a unit").isNotEqualTo(beforeUnit);

		UUID beforeDelete = settledVersion();
		this.jdbc.sql("delete from incident where id = ?").param(settled).update();
		assertThat(settledVersion()).as("a settled incident deleted").isNotEqualTo(beforeDelete);
	}

	/**
	 * Five years' incident figures after changes to a recent incident (the settled ones'
	 * figures kept) and to a settled one are those counted from the incidents themselves,
	 * the medians as PostgreSQL finds them over the whole period.
	 */
	@Test
	void fiveYearsOfIncidentFiguresAddTheSettledOnesKeptToTheRecentOnesReadAgain() {
		long by = account(this.dept.schoolLeader);
		long recent = incidentOf(this.dept.upperSecondaryOne);
		long settled = settledIncident(this.dept.upperSecondaryTwo, "4 months", "5 hours", by);
		settledIncident(this.dept.upperSecondaryOne, "7 months", "1 hour", by);
		settledIncident(this.dept.districtOne, "2 years", "30 hours", by);
		LocalDate today = this.formats.today();
		DashboardPeriod years = new DashboardPeriod(DashboardPeriod.Kind.CUSTOM, today.minusYears(5), today);
		assertIncidentFiguresCounted(years);

		UUID settledBefore = settledVersion();
		this.jdbc
			.sql("update incident set category = 'KHAC', detected_at = detected_at - interval '50 hours' where id = ?")
			.param(recent)
			.update();
		assertThat(settledVersion()).isEqualTo(settledBefore);
		assertIncidentFiguresCounted(years);

		this.jdbc
			.sql("update incident set category = 'KHAC', detected_at = detected_at - interval '9 hours' where id = ?")
			.param(settled)
			.update();
		assertThat(settledVersion()).isNotEqualTo(settledBefore);
		assertIncidentFiguresCounted(years);
	}

	@Test
	void theOpenIncidentsAreAskedForWithTheStatusesOfTheirIndexWordForWord() {
		String predicate = this.jdbc.sql(
				"select pg_get_expr(indpred, indrelid) from pg_index where indexrelid = 'ix_incident_triage_order'::regclass")
			.query(String.class)
			.single();
		assertThat(DashboardQueries.OPEN).isEqualTo(Pattern.compile("'([A-Z_]+)'")
			.matcher(predicate)
			.results()
			.map((match) -> "'" + match.group(1) + "'")
			.collect(Collectors.joining(", ", "(", ")")));
		String statuses = this.jdbc
			.sql("select pg_get_constraintdef(oid) from pg_constraint where conname = 'ck_incident_status'")
			.query(String.class)
			.single();
		assertThat(DashboardQueries.OPEN).as("every status an incident may have but a draft's and the closed ones'")
			.isEqualTo(Pattern.compile("'([A-Z_]+)'")
				.matcher(statuses)
				.results()
				.map((match) -> match.group(1))
				.filter((status) -> !List.of("DRAFT", "RESOLVED", "CLOSED").contains(status))
				.map((status) -> "'" + status + "'")
				.collect(Collectors.joining(", ", "(", ")")));
	}

	/**
	 * The Department's incident figures for a period as the dashboard shows them, against
	 * those counted from its incidents.
	 */
	private void assertIncidentFiguresCounted(DashboardPeriod period) {
		Dashboards.View view = this.dashboards.view(this.dept.department, period, null, null, UnitOrder.NAME, false)
			.view();
		String scope = """
				from incident i join unit u on u.id = i.unit_id
				where u.path like (select path from unit where id = :dept) || '%' and i.status <> 'DRAFT'
				  and i.submitted_at >= :from and i.submitted_at < :until
				""";
		ZoneId zone = this.formats.zone();
		Map<String, Object> values = Map.of("dept", this.dept.department, "from",
				Timestamp.from(period.from().atStartOfDay(zone).toInstant()), "until",
				Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()));
		for (String what : List.of("category", "severity", "status")) {
			Map<String, Long> counted = new HashMap<>();
			this.jdbc.sql("select i." + what + "::text, count(*) " + scope + " group by 1")
				.params(values)
				.query((rs) -> {
					counted.put(rs.getString(1), rs.getLong(2));
				});
			assertThat(view.incidentsBy().get(what)).as(what)
				.extracting(DashboardQueries.Count::value, DashboardQueries.Count::count)
				.containsExactlyInAnyOrderElementsOf(
						counted.entrySet().stream().map((count) -> tuple(count.getKey(), count.getValue())).toList());
		}
		Double[] medians = this.jdbc
			.sql("""
					select percentile_cont(0.5) within group (order by date_part('epoch', i.submitted_at - i.detected_at)) / 3600,
					       percentile_cont(0.5) within group (order by date_part('epoch', i.accepted_at - i.submitted_at)) / 3600
					"""
					+ scope)
			.params(values)
			.query((rs, i) -> new Double[] { rs.getDouble(1), (Double) rs.getObject(2) })
			.single();
		assertThat(view.medians().detectionToReport()).as("the median time to report").isEqualTo(medians[0]);
		assertThat(view.medians().reportToTriage()).as("none triaged").isEqualTo(medians[1]).isNull();
		assertThat(view.main().incidents())
			.isEqualTo(this.jdbc.sql("select count(*) " + scope).params(values).query(Long.class).single());
	}

	/** The incident of a unit submitted last. */
	private long incidentOf(long unit) {
		return this.jdbc.sql("select max(id) from incident where unit_id = ?").param(unit).query(Long.class).single();
	}

	/**
	 * An incident submitted some time ago (settled: before the start of the previous
	 * month), detected some time before.
	 */
	private long settledIncident(long unit, String ago, String detectedBefore, long by) {
		incident(unit, false, "interval '1 day'", by);
		long id = incidentOf(unit);
		this.jdbc.sql("""
				update incident set submitted_at = now() - interval '%1$s',
				       detected_at = now() - interval '%1$s' - interval '%2$s', created_at = now() - interval '%1$s'
				where id = ?
				""".formatted(ago, detectedBefore)).param(id).update();
		return id;
	}

	private UUID settledVersion() {
		return this.jdbc.sql("select incidents_settled from dashboard_version").query(UUID.class).single();
	}

	/**
	 * Every table a kept dashboard is worked out from moves the number, and every table
	 * its incident figures are worked out from moves theirs: the tables named in the
	 * statements of the dashboard's figures and queries (of the incident figures' method
	 * alone), found in their source.
	 */
	@Test
	void everyTableTheDashboardReadsMovesTheNumberWhenItChanges() throws IOException {
		Path sources = Path.of("src/main/java/vn/edu/portal/dashboard");
		Set<String> read = new TreeSet<>();
		for (String source : List.of("Dashboards.java", "DashboardQueries.java", "ComplianceFigures.java")) {
			read.addAll(tablesNamedIn(Files.readString(sources.resolve(source))));
		}
		read.remove("dashboard_version");
		assertThat(read).as("found in the statements").contains("compliance_day", "incident", "unit", "report");
		assertThat(tablesWatchedBy("dashboard_version")).containsAll(read);

		String queries = Files.readString(sources.resolve("DashboardQueries.java"));
		Set<String> readForIncidents = tablesNamedIn(queries.substring(queries.indexOf("IncidentReading incidents("),
				queries.indexOf("record IncidentReading(")));
		assertThat(readForIncidents).as("found in the statement")
			.containsExactlyInAnyOrder("compliance_unit_today", "unit", "incident");
		assertThat(tablesWatchedBy("dashboard_incidents_version")).containsAll(readForIncidents);
	}

	private Set<String> tablesNamedIn(String source) {
		Set<String> tables = new TreeSet<>(
				this.jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema()")
					.query(String.class)
					.list());
		Set<String> named = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\b(?:from|join)\\s+([a-z_]+)\\b").matcher(source);
		while (matcher.find()) {
			if (tables.contains(matcher.group(1))) {
				named.add(matcher.group(1));
			}
		}
		return named;
	}

	/** The tables that have all three of the triggers that move a number. */
	private List<String> tablesWatchedBy(String triggers) {
		return this.jdbc.sql("""
				select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
				where t.tgname in (:triggers || '_on_change', :triggers || '_on_update', :triggers || '_on_truncate')
				group by c.relname having count(*) = 3
				""").param("triggers", triggers).query(String.class).list();
	}

	private UUID version() {
		return this.jdbc.sql("select version from dashboard_version").query(UUID.class).single();
	}

	private UUID incidentsVersion() {
		return this.jdbc.sql("select incidents from dashboard_version").query(UUID.class).single();
	}

	private void acknowledge(long directive, long unit, boolean late, long by) {
		this.jdbc.sql("""
				update assignment set acknowledged_at = now(), acknowledged_by = ?, acknowledged_late = ?,
				       read_at = now(), read_by = ?
				where directive_id = ? and unit_id = ?
				""").params(by, late, by, directive, unit).update();
	}

	private long assignment(long directive, long unit) {
		return this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(directive, unit)
			.query(Long.class)
			.single();
	}

	private void report(long assignment, LocalDate period, String status, boolean late, long by) {
		this.jdbc.sql("""
				insert into report (assignment_id, period_due, status, revision, updated_at, updated_by, submitted_at,
				                    submitted_by, submitted_late)
				values (?, ?, ?, 1, now(), ?, now() - interval '2 days', ?, ?)
				""").params(assignment, period, status, by, by, late).update();
	}

	/**
	 * A submitted incident, reported late or not, its triage deadline so far from now.
	 */
	private void incident(long unit, boolean late, String triageIn, long by) {
		this.jdbc.sql("""
				insert into incident (form_key, unit_id, reporter_id, status, detected_at, platform, category, severity,
				                      summary, submitted_at, submitted_by, report_due_at, reported_late, triage_due_at,
				                      created_at, updated_at, updated_by)
				values (gen_random_uuid(), ?, ?, 'SUBMITTED', now() - interval '3 hours', 'FACEBOOK', 'BNTT', 2,
				        'Bài đăng thử', now(), ?, now() + interval '1 hour', ?, now() + %s, now(), now(), ?)
				""".formatted(triageIn)).params(unit, by, by, late, by).update();
	}

	private long account(String username) {
		return this.jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestPeople.PASSWORD);
		return http;
	}

}
