package vn.edu.portal.incident;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.Concurrently;
import vn.edu.portal.PortalHttp;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.system.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edu.portal.incident.TestIncidentForms.form;

/**
 * Incidents as their users meet them: the form keeps what was typed and every file it
 * took, refuses bad files with a reason, submits once however often it is sent; the
 * restricted part is for the few and every look at it is audited; the same post from
 * three schools is one event; targets are flagged; old names and evidence are erased.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IncidentTests {

	private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final ZoneId ICT = ZoneId.of("Asia/Ho_Chi_Minh");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	IncidentRetention retention;

	TestDepartment dept;

	@BeforeEach
	void department() {
		this.dept = new TestDepartment(this.jdbc, this.people);
	}

	@Test
	void aLeaderSubmitsOnceHoweverOftenTheFormIsSent() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://www.facebook.com/tintuc/posts/111", 2, 3);
		form.put("action", "submit");
		String first = PortalHttp.location(leader.multipart("/incidents/new", form, "evidence", Map.of()));
		assertThat(first).matches("/incidents/\\d+");
		assertThat(Jsoup.parse(leader.get(first).body()).text()).contains("Đã gửi sự cố cho Sở.");
		HttpResponse<String> again = leader.multipart("/incidents/new", form, "evidence", Map.of());
		assertThat(PortalHttp.location(again)).isEqualTo(first);
		assertThat(Jsoup.parse(leader.get(first).body()).text())
			.contains("Sự cố này đã được gửi; lần gửi lại không tạo thêm sự cố nào.");
		assertThat(incidentsOf(this.dept.upperSecondaryOne)).isOne();
		assertThat(this.jdbc.sql("select status from incident where unit_id = ?")
			.param(this.dept.upperSecondaryOne)
			.query(String.class)
			.single()).isEqualTo("SUBMITTED");
	}

	@Test
	void twoSubmissionsAtOnceMakeOneIncident() throws Exception {
		PortalHttp first = login(this.dept.schoolLeader);
		PortalHttp second = login(this.dept.schoolLeader);
		first.get("/incidents/new");
		second.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://www.facebook.com/tintuc/posts/222", 2, 3);
		form.put("action", "submit");
		CompletableFuture<HttpResponse<String>> one = CompletableFuture
			.supplyAsync(() -> first.multipart("/incidents/new", form, "evidence", Map.of()));
		CompletableFuture<HttpResponse<String>> two = CompletableFuture
			.supplyAsync(() -> second.multipart("/incidents/new", form, "evidence", Map.of()));
		assertThat(PortalHttp.location(one.get(1, TimeUnit.MINUTES)))
			.isEqualTo(PortalHttp.location(two.get(1, TimeUnit.MINUTES)));
		assertThat(incidentsOf(this.dept.upperSecondaryOne)).isOne();
	}

	@Test
	void fifteenTapsOnSendInOneSessionMakeOneIncidentAndEveryTapEndsOnAPage() throws Exception {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://www.facebook.com/tintuc/posts/223", 2, 3);
		form.put("action", "submit");
		List<HttpResponse<String>> answers = Concurrently.times(15,
				() -> leader.multipart("/incidents/new", form, "evidence", Map.of()));
		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302);
		assertThat(answers).extracting(PortalHttp::location).containsOnly(PortalHttp.location(answers.get(0)));
		assertThat(incidentsOf(this.dept.upperSecondaryOne)).isOne();
		assertThat(leader.get(PortalHttp.location(answers.get(0))).statusCode()).isEqualTo(200);
	}

	@Test
	void craftedIncidentFormsEndOnAPageAndKeepNoNulCharacter() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> far = form(UUID.randomUUID(), "https://www.facebook.com/tintuc/posts/224", 2, 3);
		far.put("people[99999].count", "3");
		far.put("action", "submit");
		HttpResponse<String> refused = leader.multipart("/incidents/new", far, "evidence", Map.of());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(incidentsOf(this.dept.upperSecondaryOne)).isZero();

		Map<String, String> nul = form(UUID.randomUUID(), "https://www.facebook.com/tintuc/posts/225", 2, 3);
		nul.put("summary", "Bài đăng\u0000 chế giễu học sinh.");
		nul.put("names", "Lê\u0000 Văn C");
		nul.put("action", "submit");
		String page = PortalHttp.location(leader.multipart("/incidents/new", nul, "evidence", Map.of()));
		assertThat(page).matches("/incidents/\\d+");
		assertThat(this.jdbc.sql("select summary from incident where unit_id = ?")
			.param(this.dept.upperSecondaryOne)
			.query(String.class)
			.single()).isEqualTo("Bài đăng chế giễu học sinh.");
		HttpResponse<String> comment = leader.post(page + "/comments", Map.of("body", "Đã gỡ\u0000 bài."));
		assertThat(comment.statusCode()).isLessThan(500);

		leader.get("/incidents/new");
		HttpResponse<String> empty = leader.post("/incidents/new", Map.of());
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(empty.body()).text()).contains("Biểu mẫu chưa có nội dung nào để lưu.");
		assertThat(incidentsOf(this.dept.upperSecondaryOne)).as("an empty post makes no draft").isOne();
	}

	@Test
	void anotherSchoolCannotWriteIntoADraftThroughItsFormKey() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		UUID key = UUID.randomUUID();
		Map<String, String> draft = form(key, "https://www.facebook.com/tintuc/posts/226", 2, 3);
		draft.put("action", "save");
		String page = PortalHttp.location(leader.multipart("/incidents/new", draft, "evidence", Map.of()));
		assertThat(page).matches("/incidents/\\d+/edit");
		// A week later the form's holding row is gone.
		this.jdbc.sql("delete from incident_form").update();

		PortalHttp other = login(this.people.account(this.dept.upperSecondaryTwo, Role.UNIT_LEADER));
		other.get("/incidents/new");
		Map<String, String> overwrite = form(key, "https://example.vn/ghi-de", 2, 3);
		overwrite.put("summary", "Ghi đè bản nháp của trường khác.");
		overwrite.put("action", "save");
		assertThat(other.multipart("/incidents/new", overwrite, "evidence", Map.of()).statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("select summary from incident where form_key = ?")
			.param(key)
			.query(String.class)
			.single()).isEqualTo("Bài đăng chế giễu một học sinh lớp 10.");
		assertThat(incidentsOf(this.dept.upperSecondaryTwo)).isZero();
	}

	@Test
	void badFilesAreRefusedWithAReasonAndNothingTypedOrTakenIsLost() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		UUID key = UUID.randomUUID();
		Map<String, String> form = form(key, "https://www.tiktok.com/@abc/video/333", 2, 3);
		form.put("summary", "Clip <script>alert(1)</script> quay cảnh học sinh lớp 10A bị đánh.");
		form.put("action", "save");
		byte[] executable = new byte[4096];
		executable[0] = 'M';
		executable[1] = 'Z';
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("anh-chup.png", TestImages.png());
		files.put("virus.png", executable);
		files.put("bien-ban.jpg", "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII));
		byte[] large = new byte[21 * 1024 * 1024];
		System.arraycopy(TestImages.png(), 0, large, 0, TestImages.png().length);
		files.put("..\\..\\clip\u0007 lớn.png", large);

		HttpResponse<String> refused = leader.multipart("/incidents/new", form, "evidence", files);

		assertThat(refused.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("#evidence-error").text()).contains(
				"Tệp virus.png không phải ảnh, PDF, video MP4, Word hay Excel",
				"Tệp bien-ban.jpg không được nhận: nội dung tệp không đúng với phần đuôi tên tệp.", "lớn hơn 20 MB");
		assertThat(page.select("#summary").text()).isEqualTo(form.get("summary"));
		assertThat(page.select("#detectedAt").val()).isEqualTo(form.get("detectedAt"));
		assertThat(page.select("textarea#urls").text()).isEqualTo("https://www.tiktok.com/@abc/video/333");
		assertThat(page.select("#evidence").text()).contains("anh-chup.png", "SHA-256");
		assertThat(incidentsOf(this.dept.upperSecondaryOne)).as("nothing is half-saved").isZero();

		// Sent again without the bad files: the screenshot taken before goes with the
		// draft.
		HttpResponse<String> saved = leader.multipart("/incidents/new", form, "evidence", Map.of());
		String edit = PortalHttp.location(saved);
		assertThat(edit).matches("/incidents/\\d+/edit");
		long id = Long.parseLong(edit.replaceAll("\\D", ""));
		assertThat(this.jdbc.sql("select file_name from stored_file where owner_type = 'INCIDENT' and owner_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("anh-chup.png");
		String shown = Jsoup.parse(leader.get("/incidents/" + id).body()).select("#summary-title + p").html();
		assertThat(shown).contains("&lt;script&gt;").doesNotContain("<script>");
	}

	@Test
	void photosLoseTheirLocationAndTheDownloadIsAnAuditedAttachmentWithItsHash() throws Exception {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://www.facebook.com/x/posts/444", 3, 3);
		form.put("action", "submit");
		form.put("names", "Nguyễn Văn A (lớp 10A)");
		byte[] photo = TestImages.jpegWithExif("GPSLatitude 10.2434 N");
		String page = PortalHttp
			.location(leader.multipart("/incidents/new", form, "evidence", Map.of("chup-man-hinh.jpg", photo)));
		long id = Long.parseLong(page.replaceAll("\\D", ""));
		long fileId = this.jdbc.sql("select id from stored_file where owner_type = 'INCIDENT' and owner_id = ?")
			.param(id)
			.query(Long.class)
			.single();

		String restricted = Jsoup.parse(leader.get("/incidents/" + id + "/restricted").body()).text();
		assertThat(restricted).contains("Nguyễn Văn A (lớp 10A)", "chup-man-hinh.jpg");
		HttpResponse<byte[]> download = leader.download("/incidents/" + id + "/files/" + fileId);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(new String(download.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "GPSLatitude");
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body()));
		assertThat(restricted).contains("SHA-256: " + sha);
		assertThat(audits(id)).contains("INCIDENT_RESTRICTED_VIEWED", "INCIDENT_EVIDENCE_DOWNLOADED");
	}

	@Test
	void anotherUnitGets404AndStaffNeverSeeTheRestrictedPart() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://zalo.me/g/abcdef", 2, 3);
		form.put("action", "submit");
		form.put("names", "Trần Thị B");
		long id = Long.parseLong(PortalHttp.location(leader.multipart("/incidents/new", form, "evidence", Map.of()))
			.replaceAll("\\D", ""));

		PortalHttp otherSchool = login(this.people.account(this.dept.upperSecondaryTwo, Role.UNIT_LEADER));
		assertThat(otherSchool.get("/incidents/" + id).statusCode()).isEqualTo(404);
		assertThat(otherSchool.get("/incidents").body()).doesNotContain("/incidents/" + id + "\"");

		PortalHttp staff = login(this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF));
		HttpResponse<String> seen = staff.get("/incidents/" + id);
		assertThat(seen.statusCode()).isEqualTo(200);
		assertThat(seen.body()).doesNotContain("Trần Thị B").doesNotContain("/incidents/" + id + "/restricted");
		assertThat(staff.get("/incidents/" + id + "/restricted").statusCode()).isEqualTo(404);

		PortalHttp officer = login(this.dept.officer);
		assertThat(officer.get("/incidents/triage").body()).contains("/incidents/" + id + "\"")
			.doesNotContain("Trần Thị B");
		assertThat(officer.get("/incidents/" + id + "/restricted").statusCode())
			.as("an officer who is not the reviewer")
			.isEqualTo(404);
		PortalHttp departmentLeader = login(this.dept.leader);
		assertThat(departmentLeader.get("/incidents/" + id + "/restricted").body()).contains("Trần Thị B");
	}

	/**
	 * A school, the district office above it and the Department each list what they may
	 * see, and no more: the school its draft and its submitted incident, the office and
	 * the Department the submitted one alone, another district office and another school
	 * neither. The Department's list is read in its order; the smaller scopes' from their
	 * units first: the same rule in both forms, on the list and on its export.
	 */
	@Test
	void eachReaderListsItsUnitsDraftsAndTheSubmittedIncidentsOfItsScopeAlone() throws Exception {
		PortalHttp school = login(this.people.account(this.dept.schoolOfDistrictOne, Role.UNIT_LEADER));
		String draftLink = reported(school, "save", "https://example.vn/nhap-");
		String sentLink = reported(school, "submit", "https://example.vn/gui-");
		assertThat(status(Long.parseLong(draftLink.replaceAll("\\D", "")))).isEqualTo("DRAFT");
		assertThat(status(Long.parseLong(sentLink.replaceAll("\\D", "")))).isEqualTo("SUBMITTED");

		assertThat(links(school, "/incidents")).contains(draftLink, sentLink);
		PortalHttp office = login(this.dept.districtLeader);
		assertThat(links(office, "/incidents")).contains(sentLink).doesNotContain(draftLink);
		List<String> exported = new String(office.download("/incidents.csv").body(), StandardCharsets.UTF_8).lines()
			.skip(1)
			.map((line) -> line.split("[,;]", 2)[0].replace("\"", ""))
			.toList();
		assertThat(exported).contains(sentLink.replaceAll("\\D", "")).doesNotContain(draftLink.replaceAll("\\D", ""));
		PortalHttp officer = login(this.dept.officer);
		assertThat(links(officer, "/incidents")).contains(sentLink).doesNotContain(draftLink);
		assertThat(links(officer, "/incidents/triage")).contains(sentLink).doesNotContain(draftLink);
		PortalHttp leader = login(this.dept.leader);
		assertThat(links(leader, "/incidents/triage")).as("the Department's own unit's reader")
			.contains(sentLink)
			.doesNotContain(draftLink);
		PortalHttp otherOfficer = login(new TestDepartment(this.jdbc, this.people).officer);
		assertThat(links(otherOfficer, "/incidents/triage")).as("another Department's")
			.doesNotContain(sentLink, draftLink);
		assertThat(links(otherOfficer, "/incidents")).doesNotContain(sentLink, draftLink);
		assertThat(links(login(this.people.account(this.dept.districtTwo, Role.UNIT_LEADER)), "/incidents"))
			.doesNotContain(sentLink, draftLink);
		assertThat(links(login(this.dept.schoolLeader), "/incidents")).doesNotContain(sentLink, draftLink);
	}

	/**
	 * A Department's triage list reads its open incidents by the Department kept beside
	 * each (V69): a school moved by an administrator under another Department takes its
	 * open incidents into that Department's list and out of the first's.
	 */
	@Test
	void aSchoolMovedToAnotherDepartmentTakesItsOpenIncidentsIntoThatDepartmentsTriageList() {
		PortalHttp school = login(this.dept.schoolLeader);
		String sentLink = reported(school, "submit", "https://example.vn/chuyen-");
		TestDepartment other = new TestDepartment(this.jdbc, this.people);
		assertThat(links(login(this.dept.officer), "/incidents/triage")).contains(sentLink);
		assertThat(links(login(other.officer), "/incidents/triage")).doesNotContain(sentLink);

		PortalHttp admin = new PortalHttp(this.port);
		admin.login(vn.edu.portal.TestAccounts.ADMIN, vn.edu.portal.TestAccounts.ADMIN_PASSWORD);
		long moved = this.dept.upperSecondaryOne;
		admin.get("/admin/units/" + moved);
		Map<String, String> edit = this.jdbc.sql("select code, name, type, version from unit where id = ?")
			.param(moved)
			.query((rs, i) -> {
				Map<String, String> form = new LinkedHashMap<>();
				form.put("code", rs.getString("code"));
				form.put("name", rs.getString("name"));
				form.put("shortName", "");
				form.put("type", rs.getString("type"));
				form.put("ownership", "PUBLIC");
				form.put("email", "");
				form.put("phone", "0275 3822 000");
				form.put("validFrom", "01/01/2010");
				form.put("version", rs.getString("version"));
				return form;
			})
			.single();
		edit.put("parentCode",
				this.jdbc.sql("select code from unit where id = ?")
					.param(other.department)
					.query(String.class)
					.single());
		assertThat(PortalHttp.location(admin.post("/admin/units/" + moved, edit))).isEqualTo("/admin/units/" + moved);

		assertThat(links(login(other.officer), "/incidents/triage")).contains(sentLink);
		assertThat(links(login(this.dept.officer), "/incidents/triage")).doesNotContain(sentLink);
		assertThat(this.jdbc.sql("select department_id from incident where id = ?")
			.param(Long.parseLong(sentLink.replaceAll("\\D", "")))
			.query(Long.class)
			.single()).isEqualTo(other.department);
	}

	@Test
	void theTriageListAsksForTheStatusesOfTheIndexOfOpenIncidentsWordForWord() {
		String predicate = this.jdbc.sql(
				"select pg_get_expr(indpred, indrelid) from pg_index where indexrelid = 'ix_incident_triage_order'::regclass")
			.query(String.class)
			.single();
		List<String> indexed = java.util.regex.Pattern.compile("'([A-Z_]+)'")
			.matcher(predicate)
			.results()
			.map((match) -> match.group(1))
			.toList();
		assertThat(indexed).containsExactly("SUBMITTED", "ACCEPTED", "IN_PROGRESS", "NEEDS_INFO", "ESCALATED");
		assertThat(IncidentStatus.OPEN_IN_SQL).isEqualTo(
				indexed.stream().map((status) -> "'" + status + "'").collect(Collectors.joining(", ", "(", ")")));
	}

	/**
	 * An incident reported through the form ({@code save} a draft or {@code submit} it)
	 * about a post of its own under the address given, and its page's link.
	 */
	private static String reported(PortalHttp school, String action, String address) {
		school.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), address + UUID.randomUUID(), 2, 3);
		form.put("action", action);
		return "/incidents/" + PortalHttp.location(school.multipart("/incidents/new", form, "evidence", Map.of()))
			.replaceAll("\\D", "");
	}

	private static List<String> links(PortalHttp http, String list) {
		HttpResponse<String> page = http.get(list);
		assertThat(page.statusCode()).as(list).isEqualTo(200);
		return Jsoup.parse(page.body()).select("a[href~=^/incidents/\\d+$]").eachAttr("href");
	}

	@Test
	void theSamePostFromThreeSchoolsIsOneEventForReviewers() {
		List<String> ways = List.of("https://www.facebook.com/truongX/posts/555?fbclid=IwAR0abc",
				"http://m.facebook.com/truongX/posts/555/", "facebook.com/permalink.php?story_fbid=555&id=987");
		List<Long> schools = List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo, this.dept.centre);
		long last = 0;
		for (int i = 0; i < 3; i++) {
			PortalHttp leader = login(this.people.account(schools.get(i), Role.UNIT_LEADER));
			leader.get("/incidents/new");
			Map<String, String> form = form(UUID.randomUUID(), ways.get(i), 3, 3);
			form.put("action", "submit");
			last = Long.parseLong(PortalHttp.location(leader.multipart("/incidents/new", form, "evidence", Map.of()))
				.replaceAll("\\D", ""));
		}
		PortalHttp officer = login(this.dept.officer);
		Document queue = Jsoup.parse(officer.get("/incidents/triage?q=555").body());
		assertThat(queue.select("li.list-group-item")).hasSize(3);
		assertThat(queue.text()).contains("Cùng sự việc: thêm 2 đơn vị");
		String detail = Jsoup.parse(officer.get("/incidents/" + last).body()).select("#same-title").parents().text();
		assertThat(detail).contains("Cùng bài viết hoặc tài khoản được 3 đơn vị báo cáo", "Trường THPT Một",
				"Trường THPT Hai");
	}

	@Test
	void theTriageQueueListsTheUnassignedFirstAndTheMostSevereFirstAndTheListOfAllTheNewestFirst() {
		String token = "hang" + UUID.randomUUID().toString().substring(0, 8);
		PortalHttp leader = login(this.dept.schoolLeader);
		List<Long> ids = new ArrayList<>();
		for (int severity : List.of(2, 4, 3)) {
			leader.get("/incidents/new");
			Map<String, String> form = form(UUID.randomUUID(),
					"https://www.facebook.com/" + token + "/posts/" + severity, severity, 3);
			form.put("action", "submit");
			ids.add(Long.parseLong(PortalHttp.location(leader.multipart("/incidents/new", form, "evidence", Map.of()))
				.replaceAll("\\D", "")));
		}
		PortalHttp officer = login(this.dept.officer);
		long mostSevere = ids.get(1);
		officer.get("/incidents/" + mostSevere);
		officer.post("/incidents/" + mostSevere + "/accept", Map.of("version", version(mostSevere)));
		assertThat(status(mostSevere)).isEqualTo("ACCEPTED");

		assertThat(listed(officer, "/incidents/triage?q=" + token)).as("unassigned first, then by severity")
			.containsExactly(ids.get(2), ids.get(0), mostSevere);
		assertThat(listed(officer, "/incidents?q=" + token)).as("the newest submitted first")
			.containsExactly(ids.get(2), ids.get(1), ids.get(0));
	}

	@Test
	void aListedIncidentShowsItsChangeAtTheNextViewAndInTheReadersLanguage() {
		String token = "doi" + UUID.randomUUID().toString().substring(0, 8);
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://www.facebook.com/" + token + "/posts/1", 3, 3);
		form.put("action", "submit");
		long id = Long.parseLong(PortalHttp.location(leader.multipart("/incidents/new", form, "evidence", Map.of()))
			.replaceAll("\\D", ""));
		PortalHttp officer = login(this.dept.officer);
		String list = "/incidents?q=" + token;
		assertThat(row(officer, list).select(".badge").text()).contains("Mới");
		assertThat(row(officer, list).text()).contains("hạn tiếp nhận").doesNotContain("người xử lý");
		assertThat(row(officer, "/incidents/triage?q=" + token).text()).contains("hạn tiếp nhận");

		officer.get("/incidents/" + id);
		officer.post("/incidents/" + id + "/accept", Map.of("version", version(id)));
		assertThat(status(id)).isEqualTo("ACCEPTED");
		String officerName = this.jdbc.sql("select full_name from account where username = ?")
			.param(this.dept.officer)
			.query(String.class)
			.single();
		for (PortalHttp reader : List.of(officer, leader)) {
			Element row = row(reader, list);
			assertThat(row.select(".badge").text()).contains("Đã tiếp nhận").doesNotContain("Mới");
			assertThat(row.text()).contains("người xử lý: " + officerName).doesNotContain("hạn tiếp nhận");
		}
		assertThat(row(officer, list + "&lang=en").text()).contains("Accepted", "reviewer: " + officerName);
		assertThat(row(officer, list + "&lang=vi").text()).contains("Đã tiếp nhận", "người xử lý: " + officerName);
	}

	@Test
	void theListsFilterKeepsWhatWasChosenInTheReadersLanguage() {
		PortalHttp officer = login(this.dept.officer);
		Document chosen = Jsoup.parse(officer.get("/incidents?status=ACCEPTED&severity=3&platform=ZALO").body());
		assertThat(chosen.select("#status option[selected]").eachAttr("value")).containsExactly("ACCEPTED");
		assertThat(chosen.select("#status option[selected]").text()).isEqualTo("Đã tiếp nhận");
		assertThat(chosen.select("#severity option[selected]").text()).isEqualTo("Mức 3 · Cao");
		assertThat(chosen.select("#platform option[selected]").eachAttr("value")).containsExactly("ZALO");
		assertThat(chosen.select("#category option[selected]")).isEmpty();
		assertThat(chosen.select("#category option[value=BNTT]").text()).startsWith("BNTT · ");
		assertThat(Jsoup.parse(officer.get("/incidents/triage").body()).select("select option[selected]")).isEmpty();
		Document english = Jsoup.parse(officer.get("/incidents?status=ACCEPTED&lang=en").body());
		assertThat(english.select("#status option[selected]").text()).isEqualTo("Accepted");
		assertThat(english.select("#status option").first().text()).isEqualTo("All");
	}

	/**
	 * A list's content is kept rendered for each value (system/RenderedOnce): what
	 * differs between readers of the same list (tabs for a reviewer, the report button
	 * for a unit that drafts), a date typed wrong, and the query the pager keeps are each
	 * part of what it is kept under, never another reader's or another request's.
	 */
	@Test
	void aKeptListShowsEachReaderTheirOwnPartsAndEachRequestItsOwnQuery() {
		PortalHttp officer = login(this.dept.officer);
		PortalHttp school = login(this.dept.schoolLeader);
		for (int view = 0; view < 2; view++) {
			Document asOfficer = Jsoup.parse(officer.get("/incidents").body());
			Document asSchool = Jsoup.parse(school.get("/incidents").body());
			assertThat(asOfficer.select("ul.nav-tabs a").eachAttr("href")).containsExactly("/incidents/triage",
					"/incidents/mine", "/incidents");
			assertThat(asOfficer.select("ul.nav-tabs a.active").attr("href")).isEqualTo("/incidents");
			assertThat(asOfficer.select("a[href=/incidents/new]")).isEmpty();
			assertThat(asSchool.select("ul.nav-tabs")).isEmpty();
			assertThat(asSchool.select("a[href=/incidents/new]").text()).isEqualTo("Báo cáo sự cố");
		}
		Document wrongDate = Jsoup.parse(officer.get("/incidents?from=31/02/2026&q=zalo").body());
		assertThat(wrongDate.select("#from").attr("value")).isEqualTo("31/02/2026");
		assertThat(wrongDate.select("#from").hasClass("is-invalid")).isTrue();
		assertThat(wrongDate.select("#from-error").text()).isNotBlank();
		assertThat(wrongDate.select("#q").attr("value")).isEqualTo("zalo");
		Document rightDate = Jsoup.parse(officer.get("/incidents?from=28/02/2026&q=zalo").body());
		assertThat(rightDate.select("#from").attr("value")).isEqualTo("28/02/2026");
		assertThat(rightDate.select("#from").hasClass("is-invalid")).isFalse();
		assertThat(rightDate.select("#from-error")).isEmpty();
		assertThat(Jsoup.parse(officer.get("/incidents/triage").body()).select("ul.nav-tabs a.active").attr("href"))
			.isEqualTo("/incidents/triage");
		for (int i = 0; i < 27; i++) {
			Map<String, String> draft = form(UUID.randomUUID(), "https://example.vn/trang-" + i, 2, 1);
			school.get("/incidents/new");
			assertThat(school.multipart("/incidents/new", draft, "evidence", Map.of()).statusCode()).isEqualTo(302);
		}
		Document first = Jsoup.parse(school.get("/incidents?severity=2&x=1").body());
		assertThat(first.select("a.page-link").eachAttr("href")).contains("/incidents?severity=2&x=1&page=1");
		Document other = Jsoup.parse(school.get("/incidents?severity=2&x=2").body());
		assertThat(other.select("a.page-link").eachAttr("href")).contains("/incidents?severity=2&x=2&page=1");
		// The first page has no offset in its statement, the next one has: both list the
		// school's incidents, newest first, each once.
		List<Long> firstPage = listed(school, "/incidents?severity=2");
		List<Long> secondPage = listed(school, "/incidents?severity=2&page=1");
		assertThat(firstPage).hasSize(25);
		assertThat(secondPage).isNotEmpty().doesNotContainAnyElementsOf(firstPage);
		assertThat(Collections.max(secondPage)).isLessThan(Collections.min(firstPage));
	}

	private static Element row(PortalHttp reader, String list) {
		Elements rows = Jsoup.parse(reader.get(list).body()).select("li.list-group-item");
		assertThat(rows).as(list).hasSize(1);
		return rows.first();
	}

	private static List<Long> listed(PortalHttp reader, String path) {
		return Jsoup.parse(reader.get(path).body())
			.select("li.list-group-item a.fw-semibold")
			.eachAttr("href")
			.stream()
			.map((href) -> Long.parseLong(href.replaceAll("\\D", "")))
			.toList();
	}

	@Test
	void lateReportsAndOverdueTriageAreFlaggedInEveryList() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> late = form(UUID.randomUUID(), "https://example.vn/bai-1", 2, 30);
		late.put("action", "submit");
		long lateId = Long.parseLong(PortalHttp.location(leader.multipart("/incidents/new", late, "evidence", Map.of()))
			.replaceAll("\\D", ""));
		Map<String, String> onTime = form(UUID.randomUUID(), "https://example.vn/bai-2", 4, 1);
		onTime.put("action", "submit");
		long onTimeId = Long
			.parseLong(PortalHttp.location(leader.multipart("/incidents/new", onTime, "evidence", Map.of()))
				.replaceAll("\\D", ""));
		assertThat(this.jdbc.sql("select reported_late from incident where id = ?")
			.param(lateId)
			.query(Boolean.class)
			.single()).as("24 hours for level 2, reported after 30").isTrue();
		assertThat(this.jdbc.sql("select reported_late from incident where id = ?")
			.param(onTimeId)
			.query(Boolean.class)
			.single()).isFalse();

		PortalHttp officer = login(this.dept.officer);
		String flagged = officer.get("/incidents/triage?pastTarget=true").body();
		assertThat(flagged).contains("/incidents/" + lateId + "\"").doesNotContain("/incidents/" + onTimeId + "\"");

		// Level 4 is triaged within 2 hours: once that has passed unassigned, it is
		// flagged too.
		this.jdbc.sql("update incident set triage_due_at = now() - interval '1 minute' where id = ?")
			.param(onTimeId)
			.update();
		assertThat(officer.get("/incidents/triage?pastTarget=true").body()).contains("/incidents/" + onTimeId + "\"");
		assertThat(leader.get("/incidents?pastTarget=true").body()).contains("/incidents/" + onTimeId + "\"");
		assertThat(Jsoup.parse(leader.get("/incidents/" + onTimeId).body()).select(".badge").text())
			.contains("Quá hạn");
	}

	@Test
	void theDepartmentAcceptsAsksTheSchoolAnswersAndItIsResolvedAndClosed() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://www.youtube.com/watch?v=abcDEF12345", 2, 3);
		form.put("action", "submit");
		long id = Long.parseLong(PortalHttp.location(leader.multipart("/incidents/new", form, "evidence", Map.of()))
			.replaceAll("\\D", ""));
		String page = "/incidents/" + id;
		PortalHttp officer = login(this.dept.officer);
		officer.get(page);
		String schoolLeaderId = String.valueOf(this.jdbc.sql("select id from account where username = ?")
			.param(this.dept.schoolLeader)
			.query(Long.class)
			.single());
		officer.post(page + "/accept", Map.of("version", version(id), "reviewerId", schoolLeaderId));
		assertThat(status(id)).as("an officer hands nothing to a school").isEqualTo("SUBMITTED");
		officer.post(page + "/accept", Map.of("version", version(id)));
		assertThat(status(id)).isEqualTo("ACCEPTED");
		HttpResponse<String> empty = officer.post(page + "/ask", Map.of("version", version(id), "text", " "));
		assertThat(Jsoup.parse(empty.body()).select("#text-error").text()).isEqualTo("Vui lòng nhập trường này.");
		officer.post(page + "/ask", Map.of("version", version(id), "text", "Clip đã được gỡ chưa?"));
		assertThat(status(id)).isEqualTo("NEEDS_INFO");
		officer.post(page + "/comments", Map.of("body", "Nội bộ: theo dõi thêm."));

		String seen = Jsoup.parse(leader.get(page).body()).text();
		assertThat(seen).contains("Clip đã được gỡ chưa?", "Cần bổ sung").doesNotContain("Nội bộ: theo dõi thêm.");
		leader.post(page + "/comments", Map.of("body", "Đã gỡ lúc 9 giờ."));
		assertThat(status(id)).isEqualTo("IN_PROGRESS");
		officer.get(page);
		officer.post(page + "/resolve",
				Map.of("version", version(id), "resolution", "CONTENT_REMOVED", "note", "Nội dung đã gỡ."));
		officer.post(page + "/close", Map.of("version", version(id)));
		assertThat(status(id)).isEqualTo("CLOSED");
		HttpResponse<String> noReason = officer.post(page + "/reopen", Map.of("version", version(id), "text", ""));
		assertThat(Jsoup.parse(noReason.body()).select("#text-error").text()).isEqualTo("Vui lòng nhập trường này.");
		assertThat(this.jdbc.sql("select to_status from incident_step where incident_id = ? order by position")
			.param(id)
			.query(String.class)
			.list())
			.containsExactly("DRAFT", "SUBMITTED", "ACCEPTED", "NEEDS_INFO", "IN_PROGRESS", "RESOLVED", "CLOSED");
		assertThat(audits(id)).contains("INCIDENT_SUBMITTED", "INCIDENT_ACCEPTED", "INCIDENT_INFORMATION_ASKED",
				"INCIDENT_INFORMATION_GIVEN", "INCIDENT_RESOLVED", "INCIDENT_CLOSED");
	}

	@Test
	void staffDraftAndOnlyLeadersSubmitUnlessTheUnitAllowsIt() {
		PortalHttp staff = login(this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF));
		staff.get("/incidents/new");
		assertThat(Jsoup.parse(staff.get("/incidents/new").body()).select("button[value=submit]")).isEmpty();
		Map<String, String> form = form(UUID.randomUUID(), "https://example.vn/bai-3", 1, 3);
		form.put("action", "submit");
		assertThat(staff.multipart("/incidents/new", form, "evidence", Map.of()).statusCode()).isEqualTo(403);
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/settings");
		leader.post("/incidents/settings", Map.of("staffMaySubmit", "true"));
		staff.get("/incidents/new");
		assertThat(PortalHttp.location(staff.multipart("/incidents/new", form, "evidence", Map.of())))
			.matches("/incidents/\\d+");
	}

	@Test
	void namesAndEvidenceOfIncidentsClosedLongAgoAreErasedAndTheFiguresKept() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://example.vn/bai-cu", 2, 3);
		form.put("action", "submit");
		form.put("names", "Lê Văn C");
		long id = Long.parseLong(PortalHttp
			.location(leader.multipart("/incidents/new", form, "evidence", Map.of("anh.png", TestImages.png())))
			.replaceAll("\\D", ""));
		long recent = Long.parseLong(PortalHttp.location(leader.multipart("/incidents/new",
				withNames(form(UUID.randomUUID(), "https://example.vn/bai-moi", 2, 3), "Phạm D"), "evidence",
				Map.of("anh.png", TestImages.png())))
			.replaceAll("\\D", ""));
		for (long incident : List.of(id, recent)) {
			this.jdbc.sql("""
					update incident set status = 'CLOSED', reviewer_id = reporter_id, accepted_at = submitted_at,
					       resolution = 'CONTENT_REMOVED', resolved_at = submitted_at, closed_at = ?
					where id = ?
					""")
				.params(java.sql.Timestamp.from(
						java.time.Instant.now().minus(java.time.Duration.ofDays((incident == id) ? 6 * 366 : 4 * 365))),
						incident)
				.update();
		}

		// The nightly slot may have been taken by another test in the last 30 s: ended,
		// as time would.
		this.jdbc.sql("update shedlock set lock_until = now() where name = 'incident-retention'").update();
		this.retention.nightly();

		assertThat(count("select count(*) from incident_names where incident_id = ?", id)).isZero();
		assertThat(count("select count(*) from stored_file where owner_type = 'INCIDENT' and owner_id = ?", id))
			.isZero();
		assertThat(count("select count(*) from incident_names where incident_id = ?", recent)).isOne();
		assertThat(count("select count(*) from stored_file where owner_type = 'INCIDENT' and owner_id = ?", recent))
			.isOne();
		assertThat(this.jdbc.sql("select category || ' ' || severity || ' ' || status from incident where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("BNTT 2 CLOSED");
	}

	@Test
	void reviewersFilterAndSearchWithoutDiacritics() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> bullying = form(UUID.randomUUID(), "https://example.vn/bai-tim-kiem", 2, 3);
		bullying.put("summary", "Trang giả mạo chế giễu thầy Hiệu trưởng " + System.nanoTime());
		bullying.put("action", "submit");
		long found = Long
			.parseLong(PortalHttp.location(leader.multipart("/incidents/new", bullying, "evidence", Map.of()))
				.replaceAll("\\D", ""));
		PortalHttp officer = login(this.dept.officer);
		String marker = bullying.get("summary").replaceAll("\\D", "");
		assertThat(officer.get("/incidents?q=che+gieu+thay+hieu+truong+" + marker).body())
			.contains("/incidents/" + found + "\"");
		assertThat(officer.get("/incidents?q=bai-tim-kiem&category=BNTT&severity=2&platform=FACEBOOK").body())
			.contains("/incidents/" + found + "\"");
		assertThat(officer.get("/incidents?q=bai-tim-kiem&category=CLIP").body())
			.doesNotContain("/incidents/" + found + "\"");
		String unitCode = this.jdbc.sql("select code from unit where id = ?")
			.param(this.dept.upperSecondaryTwo)
			.query(String.class)
			.single();
		assertThat(officer.get("/incidents?q=bai-tim-kiem&unit=" + unitCode).body())
			.doesNotContain("/incidents/" + found + "\"");
		assertThat(officer.get("/incidents?q=bai-tim-kiem&status=CLOSED").body())
			.doesNotContain("/incidents/" + found + "\"");
		// The day it was detected (3 hours before it was submitted: yesterday, just after
		// midnight).
		String detected = bullying.get("detectedAt").substring(0, "dd/MM/yyyy".length());
		assertThat(officer.get("/incidents?q=bai-tim-kiem&from=" + detected + "&to=" + detected).body())
			.contains("/incidents/" + found + "\"");
		Document wrong = Jsoup.parse(officer.get("/incidents?q=bai-tim-kiem&from=32/01/2026").body());
		assertThat(wrong.select("#from-error").text()).startsWith("Ngày không hợp lệ.");
		assertThat(wrong.select("#from").val()).isEqualTo("32/01/2026");
		assertThat(wrong.select("#pastTarget").hasAttr("checked")).isFalse();
		Document pastTarget = Jsoup.parse(officer.get("/incidents?pastTarget=true&severity=&q=").body());
		assertThat(pastTarget.select("#pastTarget").hasAttr("checked")).as("kept checked").isTrue();
		assertThat(pastTarget.select("label[for=pastTarget]").text()).isNotEmpty();
		for (String crafted : List.of("severity=abc", "status=NOPE", "page=x", "pastTarget=maybe",
				"platform=%3Cscript%3E", "category=x&category=BNTT")) {
			assertThat(officer.get("/incidents/triage?" + crafted).statusCode()).as(crafted).isEqualTo(400);
		}
	}

	@Test
	void anAdministratorChangesTheTargetsAndNewSubmissionsFollowThem() {
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(vn.edu.portal.TestAccounts.ADMIN, vn.edu.portal.TestAccounts.ADMIN_PASSWORD);
		admin.get("/admin/incident-targets");
		Map<String, String> targets = new LinkedHashMap<>();
		int[][] rows = { { 168, 5 }, { 48, 2 }, { 12, 8 }, { 2, 2 } };
		for (int i = 0; i < 4; i++) {
			targets.put("rows[" + i + "].severity", String.valueOf(i + 1));
			targets.put("rows[" + i + "].reportWithinHours", String.valueOf(rows[i][0]));
			targets.put("rows[" + i + "].triageWithin", String.valueOf(rows[i][1]));
			targets.put("rows[" + i + "].triageUnit", (i < 2) ? "WORKING_DAYS" : "HOURS");
		}
		Map<String, String> wrong = new LinkedHashMap<>(targets);
		wrong.put("rows[1].reportWithinHours", "0");
		Document refused = Jsoup.parse(admin.post("/admin/incident-targets", wrong).body());
		assertThat(refused.select("#rows1\\.reportWithinHours + .invalid-feedback").text())
			.isEqualTo("Từ 1 đến 1440 giờ.");
		try {
			assertThat(PortalHttp.location(admin.post("/admin/incident-targets", targets)))
				.isEqualTo("/admin/incident-targets");
			PortalHttp leader = login(this.dept.schoolLeader);
			leader.get("/incidents/new");
			Map<String, String> form = form(UUID.randomUUID(), "https://example.vn/bai-muon", 2, 30);
			form.put("action", "submit");
			long id = Long.parseLong(PortalHttp.location(leader.multipart("/incidents/new", form, "evidence", Map.of()))
				.replaceAll("\\D", ""));
			assertThat(this.jdbc.sql("select reported_late from incident where id = ?")
				.param(id)
				.query(Boolean.class)
				.single()).as("30 hours is within the new 48").isFalse();
		}
		finally {
			this.jdbc.sql("update incident_target set report_within_hours = 24 where severity = 2").update();
		}
	}

	@Test
	void staffEditingADraftNeverSeeTheNamesAndKeepThemByLeavingTheFieldEmpty() {
		PortalHttp staff = login(this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF));
		staff.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://example.vn/bai-nhap", 2, 3);
		form.put("action", "save");
		form.put("names", "Võ Thị E");
		String edit = PortalHttp.location(staff.multipart("/incidents/new", form, "evidence", Map.of()));
		long id = Long.parseLong(edit.replaceAll("\\D", ""));
		Document page = Jsoup.parse(staff.get(edit).body());
		assertThat(page.select("#names").text()).isEmpty();
		assertThat(page.text()).contains("Đã có họ tên được lưu; bạn không xem được.");
		Map<String, String> again = form(UUID.fromString(page.select("#formKey").val()), "https://example.vn/bai-nhap",
				2, 3);
		again.put("version", page.select("#version").val());
		again.put("action", "save");
		again.put("names", "");
		staff.multipart(edit, again, "evidence", Map.of());
		assertThat(this.jdbc.sql("select names from incident_names where incident_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("Võ Thị E");
		PortalHttp leader = login(this.dept.schoolLeader);
		assertThat(Jsoup.parse(leader.get(edit).body()).select("#names").text()).isEqualTo("Võ Thị E");
		assertThat(audits(id)).contains("INCIDENT_RESTRICTED_VIEWED");
	}

	@Test
	void theListExportsToExcelAndCsvWithoutNames() throws Exception {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://example.vn/bai-xuat", 3, 3);
		form.put("action", "submit");
		form.put("names", "Đỗ Văn G");
		long id = Long.parseLong(PortalHttp.location(leader.multipart("/incidents/new", form, "evidence", Map.of()))
			.replaceAll("\\D", ""));
		HttpResponse<byte[]> xlsx = leader.download("/incidents.xlsx?q=bai-xuat");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (org.apache.poi.ss.usermodel.Workbook book = org.apache.poi.ss.usermodel.WorkbookFactory
			.create(new java.io.ByteArrayInputStream(xlsx.body()))) {
			org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Đơn vị báo cáo");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(String.valueOf(id));
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("BNTT");
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Mới");
		}
		String csv = new String(leader.download("/incidents.csv?q=bai-xuat").body(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF").contains("Bài đăng chế giễu").doesNotContain("Đỗ Văn G");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'INCIDENT_EXPORTED' and actor = ?")
			.param(this.dept.schoolLeader)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aTimeThatIsNoTimeIsExplainedBesideItsField() {
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://example.vn/bai-gio", 2, 3);
		form.put("detectedAt", "32/13/2026 25:00");
		form.put("occurredAt", LocalDateTime.now(ICT).plusDays(2).format(PICKER));
		form.put("urls", "khong phai duong dan");
		form.put("action", "submit");
		Document page = Jsoup.parse(leader.multipart("/incidents/new", form, "evidence", Map.of()).body());
		assertThat(page.select("#detectedAt-error").text()).startsWith("Thời điểm không hợp lệ.");
		assertThat(page.select("#detectedAt").val()).isEqualTo("32/13/2026 25:00");
		assertThat(page.select("#occurredAt-error").text()).startsWith("Thời điểm này chưa đến.");
		assertThat(page.select("#urls-error").text()).isEqualTo("Đường dẫn không hợp lệ: khong phai duong dan");
		assertThat(incidentsOf(this.dept.upperSecondaryOne)).isZero();
	}

	private Map<String, String> withNames(Map<String, String> form, String names) {
		form.put("action", "submit");
		form.put("names", names);
		return form;
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestPeople.PASSWORD);
		return http;
	}

	private int incidentsOf(long unit) {
		return count("select count(*) from incident where unit_id = ?", unit);
	}

	private int count(String sql, long param) {
		return this.jdbc.sql(sql).param(param).query(Integer.class).single();
	}

	private String status(long id) {
		return this.jdbc.sql("select status from incident where id = ?").param(id).query(String.class).single();
	}

	private String version(long id) {
		return String
			.valueOf(this.jdbc.sql("select version from incident where id = ?").param(id).query(Long.class).single());
	}

	private List<String> audits(long id) {
		return this.jdbc.sql("select action from audit_event where object_type = 'INCIDENT' and object_id = ?")
			.param(String.valueOf(id))
			.query(String.class)
			.list();
	}

}
