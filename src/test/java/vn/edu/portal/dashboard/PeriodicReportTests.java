package vn.edu.portal.dashboard;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.Concurrently;
import vn.edu.portal.PortalHttp;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic báo cáo drafted from the dashboard: its figures are the dashboard's for
 * the same scope, period and filters; it is approved, numbered and printed like any
 * document, and downloads as a Word file with the same text; only the Department's
 * officers and leaders draft one, and only of their own units.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PeriodicReportTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Autowired
	Dashboards dashboards;

	@Autowired
	Formats formats;

	TestDepartment dept;

	long directive;

	LocalDate today;

	/**
	 * A directive to two schools and a district office (which forwarded it to its
	 * school): one acknowledgement late, one report on time, one late, the others missing
	 * since yesterday; two incidents.
	 */
	@BeforeEach
	void tree() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		this.today = this.formats.today();
		long directive = this.directive = this.directives.publishWithReport(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo, this.dept.districtOne), this.today,
				this.today.plusDays(5));
		this.jdbc.sql("update directive set report_due = ? where id = ?")
			.params(this.today.minusDays(1), directive)
			.update();
		this.jdbc.sql("update assignment set due_on = ?, acknowledge_by = ? where directive_id = ?")
			.params(this.today.minusDays(1), this.today.minusDays(1), directive)
			.update();
		long leader = this.jdbc.sql("select id from account where username = ?")
			.param(this.dept.schoolLeader)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				update assignment set acknowledged_at = now(), acknowledged_by = ?, acknowledged_late = unit_id = ?,
				       read_at = now(), read_by = ?
				where directive_id = ? and unit_id in (?, ?)
				""")
			.params(leader, this.dept.upperSecondaryTwo, leader, directive, this.dept.upperSecondaryOne,
					this.dept.upperSecondaryTwo)
			.update();
		this.jdbc.sql("""
				insert into assignment (directive_id, unit_id, role, delivered_at, acknowledge_by, due_on, parent_id)
				select directive_id, ?, 'IMPLEMENT', now(), ?, due_on, id from assignment
				where directive_id = ? and unit_id = ?
				""")
			.params(this.dept.schoolOfDistrictOne, this.today.minusDays(1), directive, this.dept.districtOne)
			.update();
		this.jdbc.sql("""
				insert into report (assignment_id, period_due, status, revision, updated_at, updated_by, submitted_at,
				                    submitted_by, submitted_late)
				select id, ?, case when unit_id = ? then 'ACCEPTED' else 'SUBMITTED' end, 1, now(), ?,
				       now() - interval '2 days', ?, unit_id <> ?
				from assignment where directive_id = ? and unit_id in (?, ?)
				""")
			.params(this.today.minusDays(1), this.dept.upperSecondaryOne, leader, leader, this.dept.upperSecondaryOne,
					directive, this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo)
			.update();
		// Not yet due: a directive published today to the centre.
		this.directives.publishWithReport(this.dept, List.of(this.dept.centre), this.today, this.today.plusDays(5));
		// Acknowledged on time, fifteen days ago: the period before has a score.
		long earlier = this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryTwo), this.today);
		this.jdbc.sql("""
				update assignment set delivered_at = now() - interval '15 days', acknowledge_by = ?,
				       acknowledged_at = now() - interval '15 days', acknowledged_by = ?, acknowledged_late = false
				where directive_id = ?
				""").params(this.today.minusDays(14), leader, earlier).update();
		for (long unit : List.of(this.dept.upperSecondaryOne, this.dept.schoolOfDistrictOne)) {
			this.jdbc.sql("""
					insert into incident (form_key, unit_id, reporter_id, status, detected_at, platform, category,
					                      severity, summary, submitted_at, submitted_by, report_due_at, reported_late,
					                      triage_due_at, created_at, updated_at, updated_by)
					values (gen_random_uuid(), ?, ?, 'SUBMITTED', now() - interval '3 hours', 'FACEBOOK', ?, ?,
					        'Bài đăng thử', now(), ?, now() + interval '1 hour', ?, now() - interval '1 hour', now(),
					        now(), ?)
					""")
				.params(unit, leader, (unit == this.dept.upperSecondaryOne) ? "BNTT" : "CLIP",
						(unit == this.dept.upperSecondaryOne) ? 2 : 3, leader, unit != this.dept.upperSecondaryOne,
						leader)
				.update();
		}
	}

	@Test
	void theReportsFiguresAreTheDashboardsForThreeScopesAndPeriods() {
		PortalHttp officer = login(this.dept.officer);
		String custom = Formats.dayMonthYear(this.today.minusDays(10));
		List<Case> cases = List.of(
				new Case(this.dept.department, "CUSTOM", Map.of("from", custom, "to", Formats.dayMonthYear(this.today)),
						new DashboardPeriod(DashboardPeriod.Kind.CUSTOM, this.today.minusDays(10), this.today), null),
				new Case(this.dept.districtOne, "MONTH",
						Map.of("year", String.valueOf(this.today.getYear()), "month",
								String.valueOf(this.today.getMonthValue())),
						DashboardPeriod.month(this.today.getYear(), this.today.getMonthValue()), null),
				new Case(this.dept.department, "SCHOOL_YEAR",
						Map.of("year", String.valueOf(DashboardPeriod.schoolYearOf(this.today))),
						DashboardPeriod.schoolYear(DashboardPeriod.schoolYearOf(this.today)), this.directive));
		for (Case asked : cases) {
			long id = draft(officer, asked, "MINISTRY");
			String text = opening(id);
			Dashboards.View view = this.dashboards
				.view(asked.unit(), asked.period(), null, asked.directive(), UnitOrder.NAME, true)
				.view();
			Figures f = view.main();
			assertThat(f.acknowledged().expected()).as("something to report on").isPositive();
			List<String> lines = List.of(text.split("\n"));
			assertThat(lines).as(asked.kind())
				.contains(row("Lượt văn bản phải tiếp nhận", f.acknowledged().expected(), ""),
						row("Đã tiếp nhận", f.acknowledged().done(), percent(f.acknowledged())),
						row("Tiếp nhận đúng hạn", f.acknowledgedOnTime().done(), percent(f.acknowledgedOnTime())),
						row("Chưa đến hạn tiếp nhận", f.acknowledgementsPending(), ""),
						row("Báo cáo phải nộp", f.reported().expected(), ""),
						row("Đã nộp", f.reported().done(), percent(f.reported())),
						row("Nộp đúng hạn", f.reportedOnTime().done(), percent(f.reportedOnTime())),
						row("Được duyệt", f.accepted().done(), percent(f.accepted())),
						row("Quá hạn chưa nộp", f.reportsOverdue(), ""),
						row("Chưa đến hạn nộp", f.reportsPending(), ""));
			assertThat(text).contains("đã tiếp nhận đạt " + percent(f.acknowledged()))
				.contains(f.reportsOverdue() + " báo cáo đã quá hạn mà chưa nộp")
				.contains("Điểm chấp hành kỳ này đạt " + f.score() + "/100 điểm")
				.contains((f.incidents() > 0) ? "Trong kỳ có " + f.incidents() + " sự cố được báo cáo"
						: "Trong kỳ không có sự cố nào được báo cáo")
				.contains("[Đánh giá của đơn vị:", "[Đề xuất, kiến nghị của đơn vị:");
			view.incidentsBy()
				.get("category")
				.forEach((c) -> assertThat(lines).anyMatch((line) -> line.startsWith("| " + c.value() + " · ")
						&& line.endsWith(" | " + c.count() + " |")));
			view.incidentsBy()
				.get("severity")
				.forEach((c) -> assertThat(lines).anyMatch((line) -> line.startsWith("| Mức " + c.value() + " · ")
						&& line.endsWith(" | " + c.count() + " |")));
			view.pending().forEach((p) -> assertThat(text).contains(p.unitName() + " ("));
			Figures before = this.dashboards
				.table(asked.unit(), asked.period().previous(), null, asked.directive(), UnitOrder.NAME)
				.rows()
				.get(0);
			assertThat(text).contains((before.score() == null) ? "chưa có điểm để so sánh" : "so với kỳ trước ("
					+ ReportText.periodName(asked.period().previous()) + ": " + before.score() + " điểm)");
		}
		// Counted by hand for the Department in the last ten days: 4 deliveries, 2
		// acknowledged (1 late); 4 reports due, 2 submitted (1 late), 1 accepted, 2
		// overdue; 2 incidents, 1 within target.
		String department = opening(draftedIds().get(0));
		assertThat(department).contains("đã tiếp nhận đạt 50% (2/4), trong đó tiếp nhận đúng hạn đạt 25% (1/4)")
			.contains("đã nộp đạt 50% (2/4), trong đó nộp đúng hạn đạt 25% (1/4)")
			.contains("báo cáo trong thời hạn đạt 50% (1/2)")
			.contains("Phòng GD&ĐT huyện Một (1 văn bản chưa tiếp nhận, 1 báo cáo chưa nộp)")
			.contains("Trường THCS Một (1 văn bản chưa tiếp nhận, 1 báo cáo chưa nộp)")
			.contains("| CLIP · Phát tán clip/ảnh bạo lực học đường | 1 |", "| Mức 3 · Cao | 1 |")
			.contains("3,0 giờ")
			.contains("1 lượt văn bản chưa đến hạn, chưa tính vào tỷ lệ")
			.contains("| Chưa đến hạn tiếp nhận | 1 |  |")
			.contains("Điểm chấp hành kỳ này đạt 30/100 điểm")
			.contains(", giảm 70 điểm so với kỳ trước (từ ngày " + Formats.dayMonthYear(this.today.minusDays(21))
					+ " đến ngày " + Formats.dayMonthYear(this.today.minusDays(11)) + ": 100 điểm).");
		assertThat(this.jdbc.sql("select addressees from directive where id = ?")
			.param(draftedIds().get(0))
			.query(String.class)
			.single()).isEqualTo("Bộ Giáo dục và Đào tạo");
	}

	@Test
	void theReportIsApprovedNumberedPrintedAndDownloadedAsWord() throws Exception {
		PortalHttp officer = login(this.dept.officer);
		long id = draft(officer, new Case(this.dept.department, "SCHOOL_YEAR", Map.of(), null, null), "PROVINCE");
		Document draft = Jsoup.parse(officer.get("/directives/" + id + "/print").body());
		assertThat(draft.select(".mark").text()).isEqualTo("DỰ THẢO");
		assertThat(draft.select(".type-name").text()).isEqualTo("BÁO CÁO");
		assertThat(draft.select(".addressees").text()).contains("Kính gửi:");
		assertThat(draft.select("table.figures")).as("the figures and the incidents").hasSize(3);
		assertThat(draft.select("table.figures").first().select("th").eachText()).containsExactly("Chỉ tiêu",
				"Số lượng", "Tỷ lệ");

		officer.get("/directives/" + id);
		assertThat(PortalHttp.location(officer.post("/directives/" + id + "/submit", Map.of("version", version(id)))))
			.isEqualTo("/directives/" + id);
		PortalHttp leader = login(this.dept.leader);
		leader.get("/directives/" + id);
		HttpResponse<String> published = leader.post("/directives/" + id + "/publish",
				Map.of("signedOn", Formats.dayMonthYear(this.today), "version", version(id)));
		assertThat(PortalHttp.location(published)).isEqualTo("/directives/" + id);
		assertThat(this.jdbc.sql("select status || ' ' || symbol from directive where id = ?")
			.param(id)
			.query(String.class)
			.single()).startsWith("PUBLISHED BC-");

		Document printed = Jsoup.parse(leader.get("/directives/" + id + "/print").body());
		assertThat(printed.select(".mark")).as("no longer a draft").isEmpty();
		assertThat(printed.select(".number").text()).matches("Số: \\d{2,}/BC-.*");
		assertThat(printed.select(".addressees").text()).startsWith("Kính gửi: Ủy ban nhân dân tỉnh");
		HttpResponse<byte[]> pdf = leader.download("/directives/" + id + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		HttpResponse<byte[]> docx = leader.download("/directives/" + id + ".docx");
		assertThat(docx.statusCode()).isEqualTo(200);
		assertThat(docx.headers().firstValue("Content-Disposition").orElseThrow()).contains(".docx");
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx.body()));
				XWPFWordExtractor extractor = new XWPFWordExtractor(word)) {
			String text = extractor.getText();
			for (String paragraph : printed.select(".body p").eachText()) {
				assertThat(text).contains(paragraph);
			}
			List<String> cells = printed.select(".body table.figures td, .body table.figures th")
				.stream()
				.map(org.jsoup.nodes.Element::text)
				.toList();
			assertThat(cells).isNotEmpty();
			assertThat(word.getTables()).as("two boxes and the three tables of the body").hasSize(5);
			List<String> wordCells = new ArrayList<>();
			word.getTables()
				.subList(1, 4)
				.forEach((table) -> table.getRows()
					.forEach((row) -> row.getTableCells().forEach((cell) -> wordCells.add(cell.getText()))));
			assertThat(wordCells).containsExactlyElementsOf(cells);
			assertThat(text).contains(printed.select(".number").text(), printed.select(".place-date").text(), "BÁO CÁO",
					printed.select(".type-subject").text(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
		}
	}

	@Test
	void onlyTheDepartmentsDraftersDraftAndOnlyOfTheirOwnUnits() throws Exception {
		String ask = "/dashboard/report?unit=" + this.dept.department + "&kind=SCHOOL_YEAR";
		PortalHttp school = login(this.dept.schoolLeader);
		assertThat(school.get("/dashboard").body()).doesNotContain("id=\"draft-report\"");
		assertThat(school.get(ask.replace("unit=" + this.dept.department, "unit=" + this.dept.upperSecondaryOne))
			.statusCode()).isEqualTo(403);
		school.get("/dashboard");
		assertThat(
				school.post("/dashboard/report", Map.of("kind", "SCHOOL_YEAR", "addressee", "MINISTRY")).statusCode())
			.isEqualTo(403);

		TestDepartment other = new TestDepartment(this.jdbc, this.people);
		PortalHttp stranger = login(other.officer);
		assertThat(stranger.get(ask).statusCode()).isEqualTo(404);
		stranger.get("/dashboard");
		assertThat(stranger
			.post("/dashboard/report",
					Map.of("unit", String.valueOf(this.dept.department), "kind", "SCHOOL_YEAR", "addressee",
							"MINISTRY"))
			.statusCode()).isEqualTo(404);
		assertThat(stranger.get("/dashboard/report?kind=SCHOOL_YEAR&directive=" + this.directive).statusCode())
			.as("another Department's directive")
			.isEqualTo(404);
		assertThat(draftedIds()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from directive where type = 'BAO_CAO' and issuer_unit_id = ?")
			.param(other.department)
			.query(Long.class)
			.single()).isZero();

		PortalHttp officer = login(this.dept.officer);
		assertThat(officer.get("/dashboard?unit=" + this.dept.department).body()).contains("id=\"draft-report\"");
		Document form = Jsoup.parse(officer.get(ask).body());
		Map<String, String> fields = fields(form);
		fields.remove("addressee");
		HttpResponse<String> missing = officer.post("/dashboard/report", fields);
		assertThat(missing.statusCode()).as("shown again").isEqualTo(200);
		assertThat(Jsoup.parse(missing.body()).select("#addressee-error").text()).isEqualTo("Chọn nơi nhận báo cáo.");
		assertThat(draftedIds()).as("nothing saved").isEmpty();
		fields.put("addressee", "MINISTRY");
		officer.post("/dashboard/report", fields);
		officer.post("/dashboard/report", fields);
		assertThat(draftedIds()).as("the same form sent twice makes one draft").hasSize(1);
		Map<String, String> tapped = fields(Jsoup.parse(officer.get(ask).body()));
		tapped.put("addressee", "PROVINCE");
		assertThat(Concurrently.times(10, () -> officer.post("/dashboard/report", tapped)))
			.as("ten taps at once end on a normal page")
			.extracting(HttpResponse::statusCode)
			.containsOnly(302);
		assertThat(draftedIds()).as("and make one draft").hasSize(2);
		Map<String, String> again = fields(Jsoup.parse(officer.get(ask).body()));
		again.put("addressee", "MINISTRY");
		officer.post("/dashboard/report", again);
		assertThat(draftedIds()).as("another report").hasSize(3);
	}

	private long draft(PortalHttp officer, Case asked, String addressee) {
		StringBuilder query = new StringBuilder("/dashboard/report?unit=" + asked.unit() + "&kind=" + asked.kind());
		asked.params().forEach((name, value) -> query.append('&').append(name).append('=').append(value));
		if (asked.directive() != null) {
			query.append("&directive=").append(asked.directive());
		}
		HttpResponse<String> page = officer.get(query.toString());
		assertThat(page.statusCode()).isEqualTo(200);
		Map<String, String> fields = fields(Jsoup.parse(page.body()));
		fields.put("addressee", addressee);
		String location = PortalHttp.location(officer.post("/dashboard/report", fields));
		Matcher id = Pattern.compile("/directives/(\\d+)").matcher(location);
		assertThat(id.matches()).as(location).isTrue();
		return Long.parseLong(id.group(1));
	}

	private static Map<String, String> fields(Document form) {
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("form[action$=/dashboard/report] input[type=hidden]")
			.forEach((input) -> fields.put(input.attr("name"), input.val()));
		return fields;
	}

	private List<Long> draftedIds() {
		return this.jdbc.sql("select id from directive where type = 'BAO_CAO' and issuer_unit_id = ? order by id")
			.param(this.dept.department)
			.query(Long.class)
			.list();
	}

	/** The body of a draft: the figures, then the places for the officer. */
	private String opening(long id) {
		return this.jdbc.sql("select opening || chr(10) || closing from directive where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private String version(long id) {
		return String
			.valueOf(this.jdbc.sql("select version from directive where id = ?").param(id).query(Long.class).single());
	}

	private static String row(String label, long count, String share) {
		return "| " + label + " | " + count + " | " + share + " |";
	}

	/** The share rounded down to a tenth, with a decimal comma: "92,3% (227/246)". */
	private static String percent(Rate rate) {
		if (rate.expected() == 0) {
			return "";
		}
		long tenths = rate.done() * 1000 / rate.expected();
		return (tenths / 10) + ((tenths % 10 != 0) ? "," + (tenths % 10) : "") + "% (" + rate.done() + "/"
				+ rate.expected() + ")";
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestPeople.PASSWORD);
		return http;
	}

	private record Case(long unit, String kind, Map<String, String> params, DashboardPeriod period, Long directive) {
	}

}
