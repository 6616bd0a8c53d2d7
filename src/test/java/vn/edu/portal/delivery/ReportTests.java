package vn.edu.portal.delivery;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Implementation reports as their users meet them: staff draft, the leader submits (once,
 * however often it is sent), the Department returns it, the unit revises and resubmits,
 * the Department accepts; every version stays readable; nobody else sees it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReportTests {

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

	TestDepartment dept;

	LocalDate due;

	long assignment;

	String form;

	long directive;

	@BeforeEach
	void publish() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		this.due = this.formats.today().plusDays(5);
		this.directive = this.directives.publishWithReport(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo), this.formats.today(), this.due);
		this.assignment = this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(this.directive, this.dept.upperSecondaryOne)
			.query(Long.class)
			.single();
		this.form = "/inbox/" + this.assignment + "/reports/" + this.due;
	}

	@Test
	void staffDraftTheLeaderSubmitsTheDepartmentReturnsTheUnitRevisesAndItIsAccepted() {
		PortalHttp staff = login(this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF));
		assertThat(Jsoup.parse(staff.get("/inbox/" + this.assignment).body()).text())
			.contains("Kỳ báo cáo hạn " + Formats.dayMonthYear(this.due), "Chưa viết");
		staff.get(this.form);
		assertThat(PortalHttp.location(staff.post(this.form, report("save", "Đã tổ chức 3 buổi sinh hoạt.", null))))
			.isEqualTo(this.form);
		assertThat(status()).isEqualTo("DRAFT");
		assertThat(staff.post(this.form, report("submit", "Đã tổ chức 3 buổi.", version())).statusCode())
			.as("staff do not submit")
			.isEqualTo(403);

		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get(this.form);
		assertThat(PortalHttp
			.location(leader.post(this.form, report("submit", "Đã tổ chức 3 buổi sinh hoạt.", version()))))
			.isEqualTo(this.form);
		assertThat(Jsoup.parse(leader.get(this.form).body()).text()).contains("Đã nộp báo cáo cho Sở.",
				"Đã nộp, chờ duyệt");
		leader.post(this.form, report("submit", "Đã tổ chức 3 buổi sinh hoạt.", version()));
		assertThat(Jsoup.parse(leader.get(this.form).body()).text())
			.contains("Báo cáo này đã được nộp; lần gửi lại không tạo thêm bản nào.");
		assertThat(revisions()).isOne();

		PortalHttp officer = login(this.dept.officer);
		long report = reportId();
		assertThat(Jsoup.parse(officer.get("/reports/review").body()).text()).contains("Trường THPT Một");
		officer.get("/reports/" + report);
		HttpResponse<String> noComment = officer.post("/reports/" + report + "/return",
				Map.of("version", String.valueOf(version()), "comment", " "));
		assertThat(Jsoup.parse(noComment.body()).select("#comment-error").text())
			.isEqualTo("Vui lòng nhập trường này.");
		officer.post("/reports/" + report + "/return",
				Map.of("version", String.valueOf(version()), "comment", "Bổ sung số học sinh tham gia."));
		assertThat(status()).isEqualTo("RETURNED");

		assertThat(leader.get("/inbox?state=REPORT_RETURNED").body()).contains("/inbox/" + this.assignment + "\"");
		assertThat(leader.get("/inbox?state=REPORT_ACCEPTED").body())
			.doesNotContain("/inbox/" + this.assignment + "\"");
		String returned = Jsoup.parse(leader.get("/inbox/" + this.assignment).body())
			.select("#reports-title + ul")
			.text();
		assertThat(returned).contains("Trả lại để bổ sung", "Sở trả lại: Bổ sung số học sinh tham gia.");
		leader.get(this.form);
		leader.post(this.form, report("submit", "Đã tổ chức 3 buổi sinh hoạt, 420 học sinh tham gia.", version()));
		assertThat(revisions()).isEqualTo(2);
		officer.get("/reports/" + report);
		officer.post("/reports/" + report + "/accept", Map.of("version", String.valueOf(version())));
		assertThat(status()).isEqualTo("ACCEPTED");

		String history = Jsoup.parse(leader.get("/reports/" + report).body()).text();
		assertThat(history).contains("Lần nộp 2", "420 học sinh tham gia", "Lần nộp 1",
				"trả lại: Bổ sung số học sinh tham gia.", "Đã tổ chức 3 buổi sinh hoạt.");
		assertThat(this.jdbc
			.sql("select action from audit_event where object_type = 'REPORT' and object_id = ? order by id")
			.param(String.valueOf(report))
			.query(String.class)
			.list()).containsExactly("REPORT_DRAFTED", "REPORT_SUBMITTED", "REPORT_RETURNED", "REPORT_SUBMITTED",
					"REPORT_ACCEPTED");
	}

	@Test
	void twoSubmissionsAtOnceMakeOne() throws Exception {
		PortalHttp first = login(this.dept.schoolLeader);
		PortalHttp second = login(this.dept.schoolLeader);
		first.get(this.form);
		second.get(this.form);
		CompletableFuture<HttpResponse<String>> one = CompletableFuture
			.supplyAsync(() -> first.post(this.form, report("submit", "Lần một.", null)));
		CompletableFuture<HttpResponse<String>> two = CompletableFuture
			.supplyAsync(() -> second.post(this.form, report("submit", "Lần một.", null)));
		assertThat(List.of(one.get(1, TimeUnit.MINUTES).statusCode(), two.get(1, TimeUnit.MINUTES).statusCode()))
			.doesNotContain(500);
		assertThat(revisions()).isOne();
		assertThat(this.jdbc.sql("select count(*) from report where assignment_id = ?")
			.param(this.assignment)
			.query(Integer.class)
			.single()).isOne();

		this.jdbc.sql("update report set status = 'RETURNED', period_due = ? where assignment_id = ?")
			.params(this.due, this.assignment)
			.update();
		this.jdbc.sql("update assignment set due_on = ? where id = ?")
			.params(this.formats.today().minusDays(3), this.assignment)
			.update();
	}

	@Test
	void nobodyElseSeesTheReportAndNoReportIsOwedForAnotherPeriod() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get(this.form);
		leader.post(this.form, report("submit", "Đã thực hiện.", null));
		long report = reportId();

		PortalHttp otherSchool = login(this.people.account(this.dept.upperSecondaryTwo, Role.UNIT_LEADER));
		assertThat(otherSchool.get(this.form).statusCode()).isEqualTo(404);
		assertThat(otherSchool.get("/reports/" + report).statusCode()).isEqualTo(404);
		assertThat(login(new TestDepartment(this.jdbc, this.people).officer).get("/reports/" + report).statusCode())
			.isEqualTo(404);
		assertThat(leader.get("/inbox/" + this.assignment + "/reports/" + this.due.plusDays(1)).statusCode())
			.as("a period that is not owed")
			.isEqualTo(404);
		assertThat(leader.post("/reports/" + report + "/accept", Map.of("version", "1")).statusCode())
			.as("a unit does not review its own report")
			.isEqualTo(403);
		assertThat(otherSchool.get("/reports/review").statusCode()).isEqualTo(403);
	}

	@Test
	void evidenceFilesAreRecognisedByContentAndOnlyItsReadersDownloadThem() throws Exception {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get(this.form);
		assertThat(Jsoup.parse(leader.get(this.form).body()).text())
			.contains("Lưu nháp báo cáo trước, rồi đính kèm tệp.");
		leader.post(this.form, report("save", "Có ảnh minh chứng.", null));
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"png", png);
		leader.get(this.form);
		assertThat(
				PortalHttp.location(leader.upload(this.form + "/files", "Ảnh buổi sinh hoạt.png", png.toByteArray())))
			.isEqualTo(this.form);
		leader.get(this.form);
		leader.upload(this.form + "/files", "anh.png",
				"MZ not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		assertThat(Jsoup.parse(leader.get(this.form).body()).text()).contains("Ảnh buổi sinh hoạt.png", "SHA-256: ",
				"Tệp không phải PDF, DOCX, XLSX hay ảnh");
		leader.post(this.form, report("submit", "Có ảnh minh chứng.", version()));
		long report = reportId();
		long file = this.jdbc.sql("select id from stored_file where owner_type = 'REPORT' and owner_id = ?")
			.param(report)
			.query(Long.class)
			.single();

		HttpResponse<byte[]> download = login(this.dept.officer).download("/reports/" + report + "/files/" + file);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(png.toByteArray());
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(login(this.people.account(this.dept.upperSecondaryTwo, Role.UNIT_LEADER))
			.download("/reports/" + report + "/files/" + file)
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aReportHoldsTenFilesAndRefusesTheEleventhBesideTheFieldEvenWhenSeveralArriveAtOnce() throws Exception {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get(this.form);
		leader.post(this.form, report("save", "Có ảnh minh chứng.", null));
		for (int i = 1; i <= 10; i++) {
			leader.get(this.form);
			leader.upload(this.form + "/files", "anh-" + i + ".png", TestImages.png());
		}
		assertThat(Jsoup.parse(leader.get(this.form).body()).select("#report-file-help").text())
			.contains("tối đa 20 MB mỗi tệp và 10 tệp mỗi báo cáo");

		leader.upload(this.form + "/files", "anh-11.png", TestImages.png());

		org.jsoup.nodes.Document page = Jsoup.parse(leader.get(this.form).body());
		assertThat(page.select("#report-file.is-invalid").attr("aria-describedby")).contains("report-file-error");
		assertThat(page.select("#report-file-error").text())
			.isEqualTo("Báo cáo đã có 10 tệp, là số tệp tối đa; gỡ bớt một tệp rồi đính kèm tệp khác.");
		assertThat(files()).as("nothing half-saved").hasSize(10).doesNotContain("anh-11.png");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'REPORT_FILE_ADDED' and object_type = 'REPORT'
				and object_id = ?
				""").param(String.valueOf(reportId())).query(Integer.class).single()).isEqualTo(10);

		long first = this.jdbc.sql("select min(id) from stored_file where owner_type = 'REPORT' and owner_id = ?")
			.param(reportId())
			.query(Long.class)
			.single();
		leader.post(this.form + "/files/" + first + "/delete", Map.of());
		List<PortalHttp> sessions = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			PortalHttp session = login(this.dept.schoolLeader);
			session.get(this.form);
			sessions.add(session);
		}
		ExecutorService threads = Executors.newFixedThreadPool(sessions.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> uploads = new java.util.ArrayList<>();
			for (PortalHttp session : sessions) {
				uploads.add(threads.submit(() -> {
					start.await();
					return session.upload(this.form + "/files", "cung-luc.png", TestImages.png());
				}));
			}
			start.countDown();
			for (Future<HttpResponse<String>> upload : uploads) {
				assertThat(upload.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(302);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(files()).as("one of the five taken").hasSize(10);
	}

	@Test
	void aReportSentAfterTheSessionExpiredLeadsBackToItsFormAfterLogin() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get(this.form);
		String session = new String(java.util.Base64.getDecoder().decode(leader.sessionId()),
				java.nio.charset.StandardCharsets.UTF_8);
		this.jdbc.sql("delete from spring_session where session_id = ?").param(session).update();

		HttpResponse<String> expired = leader.postFrom(this.form, this.form, report("save", "Một đoạn dài.", null));
		assertThat(PortalHttp.location(expired)).isEqualTo("/login?expired");
		assertThat(version()).as("nothing was saved").isNull();
		assertThat(this.jdbc.sql("""
				select count(*) from spring_session_attributes
				where position(convert_to('Một đoạn dài', 'UTF8') in attribute_bytes) > 0
				""").query(Integer.class).single()).as("the form's text is not kept in the session").isZero();
		assertThat(Jsoup.parse(leader.get("/login?expired").body()).text()).contains("Phiên làm việc đã hết hạn",
				"vẫn được giữ trên máy này");
		HttpResponse<String> back = leader.post("/login",
				Map.of("username", this.dept.schoolLeader, "password", TestPeople.PASSWORD));
		assertThat(PortalHttp.location(back)).startsWith(this.form);
	}

	@Test
	void anAmendmentThatMovesTheDeadlineMovesThePeriodAndKeepsWhatWasWritten() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get(this.form);
		leader.post(this.form, report("save", "Viết cho hạn cũ.", null));
		LocalDate later = this.due.plusDays(10);

		this.directives.amendReportDue(this.dept, this.directive, later);

		assertThat(this.jdbc.sql("select due_on from assignment where id = ?")
			.param(this.assignment)
			.query(LocalDate.class)
			.single()).isEqualTo(later);
		String periods = Jsoup.parse(leader.get("/inbox/" + this.assignment).body())
			.select("#reports-title + ul")
			.text();
		assertThat(periods).contains("Kỳ báo cáo hạn " + Formats.dayMonthYear(later),
				"Kỳ báo cáo hạn " + Formats.dayMonthYear(this.due), "Bản nháp");
		assertThat(leader.get(this.form).statusCode()).as("the draft of the old period stays readable").isEqualTo(200);
	}

	@Test
	void craftedReportFormsGetTheFormBackAndNothingHalfSaved() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get(this.form);
		Map<String, String> missingRows = new LinkedHashMap<>();
		missingRows.put("action", "submit");
		missingRows.put("tasks[3].narrative", "Chỉ một dòng.");
		missingRows.put("version", "abc");
		HttpResponse<String> reShown = leader.post(this.form, missingRows);
		assertThat(reShown.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(reShown.body());
		assertThat(page.text()).contains("Biểu mẫu gửi lên thiếu dòng của một số nhiệm vụ.");
		assertThat(page.select("textarea[name='tasks[3].narrative']").text()).isEqualTo("Chỉ một dòng.");
		assertThat(page.select("select[name$='.status']")).hasSize(5);

		Map<String, String> far = report("save", "Đã tổ chức.", null);
		far.put("tasks[400].narrative", "Rất xa.");
		assertThat(leader.post(this.form, far).statusCode()).isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from report where assignment_id = ?")
			.param(this.assignment)
			.query(Integer.class)
			.single()).isZero();

		assertThat(PortalHttp.location(leader.post(this.form, report("save", "Đã tổ chức\u0000 3 buổi.", null))))
			.isEqualTo(this.form);
		assertThat(this.jdbc.sql("""
				select t.narrative from report_task t join report r on r.id = t.report_id
				where r.assignment_id = ? and t.position = 0
				""").param(this.assignment).query(String.class).single()).isEqualTo("Đã tổ chức 3 buổi.");
	}

	@Test
	void theReviewQueueListsTheDepartmentsSubmittedReportsOldestFirstAcrossItsIssuersPageByPage() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get(this.form);
		leader.post(this.form, report("submit", "Đã tổ chức 3 buổi sinh hoạt.", null));
		assertThat(this.jdbc.sql("select issuer_unit_id from report where id = ?")
			.param(reportId())
			.query(Long.class)
			.single()).as("the database writes the issuer of a report the portal saves")
			.isEqualTo(this.dept.department);

		// A second directive, issued by the Department's division, and 30 more submitted
		// reports
		// of both directives' four assignments, their times of submission interleaved.
		long byDivision = this.directives.publishWithReport(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo), this.formats.today(), this.due);
		this.jdbc.sql("update directive set issuer_unit_id = ? where id = ?")
			.params(this.dept.division, byDivision)
			.update();
		List<Long> assignments = this.jdbc
			.sql("select id from assignment where directive_id in (?, ?) and unit_id in (?, ?) order by id")
			.params(this.directive, byDivision, this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo)
			.query(Long.class)
			.list();
		long by = this.people.user(this.dept.schoolLeader).id();
		for (int i = 0; i < 30; i++) {
			this.jdbc.sql("""
					insert into report (assignment_id, period_due, status, revision, updated_at, updated_by,
					                    submitted_at, submitted_by, submitted_late)
					values (?, ?, 'SUBMITTED', 1, now(), ?, now() - make_interval(days => ?), ?, false)
					""").params(assignments.get(i % 4), this.due.minusDays(10 + i), by, 40 - i, by).update();
		}
		assertThat(this.jdbc.sql("select unit_id from directive_issuer where unit_id in (?, ?)")
			.params(this.dept.department, this.dept.division)
			.query(Long.class)
			.list()).as("the units that issued a directive, kept by the database")
			.containsExactlyInAnyOrder(this.dept.department, this.dept.division);
		assertThat(this.jdbc.sql("select count(distinct issuer_unit_id) from report where assignment_id in (:ids)")
			.param("ids", assignments)
			.query(Integer.class)
			.single()).isEqualTo(2);
		List<String> oldestFirst = this.jdbc.sql("""
				select '/reports/' || r.id from report r join assignment a on a.id = r.assignment_id
				where a.directive_id in (?, ?) and r.status = 'SUBMITTED' order by r.submitted_at, r.id
				""").params(this.directive, byDivision).query(String.class).list();
		assertThat(oldestFirst).hasSize(31);

		PortalHttp officer = login(this.dept.officer);
		Document first = Jsoup.parse(officer.get("/reports/review").body());
		Document second = Jsoup.parse(officer.get("/reports/review?page=1").body());
		assertThat(first.select("li.list-group-item > a").eachAttr("href"))
			.containsExactlyElementsOf(oldestFirst.subList(0, 25));
		assertThat(second.select("li.list-group-item > a").eachAttr("href"))
			.containsExactlyElementsOf(oldestFirst.subList(25, 31));
		assertThat(first.select("li.page-item:not(.disabled) a[href$=page=1]")).isNotEmpty();
		assertThat(second.select("li.page-item.disabled a[href$=page=2]")).isNotEmpty();

		PortalHttp otherOfficer = login(new TestDepartment(this.jdbc, this.people).officer);
		assertThat(Jsoup.parse(otherOfficer.get("/reports/review").body()).select("li.list-group-item")).isEmpty();
	}

	private Map<String, String> report(String action, String narrative, Long version) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("action", action);
		for (int i = 0; i < 5; i++) {
			fields.put("tasks[" + i + "].status", (i == 0) ? "DONE" : "IN_PROGRESS");
			fields.put("tasks[" + i + "].narrative", (i == 0) ? narrative : "");
		}
		fields.put("figures", "3 buổi");
		if (version != null) {
			fields.put("version", String.valueOf(version));
		}
		return fields;
	}

	private long reportId() {
		return this.jdbc.sql("select id from report where assignment_id = ?")
			.param(this.assignment)
			.query(Long.class)
			.single();
	}

	private List<String> files() {
		return this.jdbc
			.sql("select file_name from stored_file where owner_type = 'REPORT' and owner_id = ? order by id")
			.param(reportId())
			.query(String.class)
			.list();
	}

	private Long version() {
		return this.jdbc.sql("select version from report where assignment_id = ?")
			.param(this.assignment)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private String status() {
		return this.jdbc.sql("select status from report where assignment_id = ?")
			.param(this.assignment)
			.query(String.class)
			.single();
	}

	private int revisions() {
		return this.jdbc
			.sql("select count(*) from report_revision v join report r on r.id = v.report_id where r.assignment_id = ?")
			.param(this.assignment)
			.query(Integer.class)
			.single();
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, TestPeople.PASSWORD).statusCode()).isEqualTo(302);
		http.get("/");
		return http;
	}

}
