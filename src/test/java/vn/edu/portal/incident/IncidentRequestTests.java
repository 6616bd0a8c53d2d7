package vn.edu.portal.incident;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import vn.edu.portal.account.TodoGroup;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edu.portal.incident.TestIncidentForms.form;

/**
 * Requests made outside the portal about an incident, as reviewers record them: to a
 * platform or to an agency, checked beside each field with everything typed kept, once
 * however often sent, answered later; listed on the reviewer's home page once they have
 * waited too long; counted on the dashboard per platform and carried by the export; out
 * of reach of the school and of another Department.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IncidentRequestTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	Formats formats;

	@Autowired
	List<TodoGroup> groups;

	TestDepartment dept;

	LocalDate today;

	long incident;

	String page;

	PortalHttp officer;

	@BeforeEach
	void acceptedIncident() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		this.today = this.formats.today();
		PortalHttp leader = login(this.dept.schoolLeader);
		leader.get("/incidents/new");
		Map<String, String> form = form(UUID.randomUUID(), "https://www.facebook.com/tintuc/posts/777", 2, 3);
		form.put("action", "submit");
		this.incident = Long
			.parseLong(PortalHttp.location(leader.multipart("/incidents/new", form, "evidence", Map.of()))
				.replaceAll("\\D", ""));
		this.page = "/incidents/" + this.incident;
		this.officer = login(this.dept.officer);
		this.officer.get(this.page);
		this.officer.post(this.page + "/accept",
				Map.of("version",
						String.valueOf(this.jdbc.sql("select version from incident where id = ?")
							.param(this.incident)
							.query(Long.class)
							.single())));
		this.officer.get(this.page);
	}

	@Test
	void aReviewerRecordsRequestsOnceEachAndTheirAnswersAndTheyAreCountedAndExported() throws Exception {
		String formKey = formKey(this.officer.get(this.page + "/requests/new"));
		Map<String, String> wrong = fields(formKey, "PLATFORM", null, null, null, "FB-123", "", this.today.plusDays(1));
		wrong.put("answer", "Đang xem xét.");
		HttpResponse<String> refused = this.officer.post(this.page + "/requests", wrong);
		assertThat(refused.statusCode()).isEqualTo(200);
		Document shown = Jsoup.parse(refused.body());
		assertThat(shown.select("#platform-error").text()).isEqualTo("Chọn nền tảng đã gửi yêu cầu.");
		assertThat(shown.select("#asked-error").text()).isEqualTo("Chọn điều đã yêu cầu nền tảng.");
		assertThat(shown.select("#sentOn-error").text()).isEqualTo("Ngày này chưa đến.");
		assertThat(shown.select("#answeredOn-error").text()).isEqualTo("Nhập ngày nhận trả lời.");
		assertThat(shown.select("input[name=reference]").val()).isEqualTo("FB-123");
		assertThat(shown.select("textarea[name=answer]").text()).isEqualTo("Đang xem xét.");
		assertThat(shown.select("input[name=formKey]").val()).isEqualTo(formKey);
		assertThat(requests()).isZero();

		Map<String, String> facebook = fields(formKey, "PLATFORM", "FACEBOOK", "REMOVE", null, "FB-123", "",
				this.today.minusDays(10));
		assertThat(PortalHttp.location(this.officer.post(this.page + "/requests", facebook))).isEqualTo(this.page);
		assertThat(Jsoup.parse(this.officer.get(this.page).body()).text()).contains("Đã ghi nhận yêu cầu.");
		HttpResponse<String> again = this.officer.post(this.page + "/requests", facebook);
		assertThat(Jsoup.parse(this.officer.get(PortalHttp.location(again)).body()).text())
			.contains("Yêu cầu này đã được ghi nhận; lần gửi lại không tạo thêm bản nào.");
		assertThat(requests()).isOne();

		Map<String, String> youtube = fields(formKey(this.officer.get(this.page + "/requests/new")), "PLATFORM",
				"YOUTUBE", "PRESERVE_EVIDENCE", null, null, "", this.today.minusDays(1));
		List<HttpResponse<String>> taps = Concurrently.times(10,
				() -> this.officer.post(this.page + "/requests", youtube));
		assertThat(taps).extracting(HttpResponse::statusCode).containsOnly(302);
		assertThat(requests()).isEqualTo(2);

		Map<String, String> police = fields(formKey(this.officer.get(this.page + "/requests/new")), "AGENCY", null,
				null, "POLICE", "CV 12/CAX", "Đại úy Nguyễn Văn An, 0901 234 567", this.today.minusDays(2));
		this.officer.post(this.page + "/requests", police);
		assertThat(requests()).isEqualTo(3);
		assertThat(this.jdbc.sql("select contact from incident_request where agency = 'POLICE'")
			.query(String.class)
			.single()).isEqualTo("Đại úy Nguyễn Văn An, 0901 234 567");

		String listed = Jsoup.parse(this.officer.get(this.page).body()).select("#requests").text();
		assertThat(listed).contains("Facebook · Gỡ bỏ nội dung", "Số FB-123", "Công an", "Chờ trả lời",
				"Gửi ngày " + Formats.dayMonthYear(this.today.minusDays(10)));

		long facebookId = requestId("FACEBOOK");
		String edit = this.page + "/requests/" + facebookId;
		Document editForm = Jsoup.parse(this.officer.get(edit + "/edit").body());
		assertThat(editForm.select("input[name=reference]").val()).isEqualTo("FB-123");
		Map<String, String> answered = fields(editForm.select("input[name=formKey]").val(), "PLATFORM", "FACEBOOK",
				"REMOVE", null, "FB-123", "", this.today.minusDays(10));
		answered.put("version", editForm.select("input[name=version]").val());
		answered.put("answer", "Facebook đã gỡ bài viết vi phạm tiêu chuẩn cộng đồng.");
		answered.put("answeredOn", this.today.minusDays(11).toString());
		answered.put("outcome", "REMOVED");
		Document early = Jsoup.parse(this.officer.post(edit, answered).body());
		assertThat(early.select("#answeredOn-error").text()).isEqualTo("Ngày trả lời không được trước ngày gửi.");
		assertThat(early.select("textarea[name=answer]").text())
			.isEqualTo("Facebook đã gỡ bài viết vi phạm tiêu chuẩn cộng đồng.");
		answered.put("answeredOn", this.today.minusDays(7).toString());
		assertThat(PortalHttp.location(this.officer.post(edit, answered))).isEqualTo(this.page);
		assertThat(PortalHttp.location(this.officer.post(edit, answered))).as("the same answer tapped twice")
			.isEqualTo(this.page);
		assertThat(this.jdbc.sql("select outcome || ' ' || answered_on from incident_request where id = ?")
			.param(facebookId)
			.query(String.class)
			.single()).isEqualTo("REMOVED " + this.today.minusDays(7));
		assertThat(audits()).containsExactly("INCIDENT_REQUEST_RECORDED", "INCIDENT_REQUEST_RECORDED",
				"INCIDENT_REQUEST_RECORDED", "INCIDENT_REQUEST_UPDATED");

		String period = "kind=CUSTOM&from=" + Formats.dayMonthYear(this.today.minusDays(20)) + "&to="
				+ Formats.dayMonthYear(this.today);
		Document dashboard = Jsoup
			.parse(this.officer.get("/dashboard?unit=" + this.dept.department + "&" + period).body());
		assertThat(dashboard.select("#requests tr[data-to=FACEBOOK]").text()).isEqualTo("Facebook 1 100% (1/1) 3");
		assertThat(dashboard.select("#requests tr[data-to=POLICE]").text()).isEqualTo("Công an 1 0% (0/1) —");
		assertThat(dashboard.select("#requests tbody tr")).hasSize(3);

		String csv = new String(this.officer.download("/incidents.csv?q=tintuc/posts/777").body(),
				StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).endsWith(
				"\"Số yêu cầu gỡ bỏ, chuyển cơ quan\",Số yêu cầu đã được trả lời,\"Các yêu cầu gỡ bỏ, chuyển cơ quan\"");
		assertThat(csv).contains(",3,1,")
			.contains(
					"Facebook · Gỡ bỏ nội dung · Số FB-123 · Gửi ngày " + Formats.dayMonthYear(this.today.minusDays(10))
							+ " · Trả lời ngày " + Formats.dayMonthYear(this.today.minusDays(7)) + " · Đã gỡ");
	}

	@Test
	void openRequestsShowOnTheReviewersHomePageOnceTheyHaveWaitedTooLong() {
		this.officer.post(this.page + "/requests", fields(formKey(this.officer.get(this.page + "/requests/new")),
				"PLATFORM", "TIKTOK", "REMOVE", null, "TT-9", "", this.today.minusDays(3)));
		TodoGroup group = this.groups.stream()
			.filter((g) -> g.key().equals("incidentRequests"))
			.findFirst()
			.orElseThrow();
		assertThat(waiting(group, this.dept.officer, this.today)).as("three days: not yet").isEmpty();
		List<Map<String, Object>> later = waiting(group, this.dept.officer, this.today.plusDays(4));
		assertThat(later).singleElement().satisfies((row) -> {
			assertThat(row.get("action")).isEqualTo("requestWaiting.TIKTOK");
			assertThat(row.get("link")).isEqualTo(this.page + "/requests/" + requestId("TIKTOK") + "/edit");
			assertThat(row.get("figure")).isEqualTo(7L);
			assertThat((String) row.get("title")).startsWith("#" + this.incident + " · ").endsWith(" · TT-9");
		});
		assertThat(waiting(group, this.dept.leader, this.today.plusDays(4))).as("only its reviewer's").isEmpty();
		this.officer.post(this.page + "/requests", fields(formKey(this.officer.get(this.page + "/requests/new")),
				"PLATFORM", "YOUTUBE", "REMOVE", null, "YT-10", "", this.today.minusDays(10)));
		String home = this.officer.get("/").body();
		assertThat(home).as("the reviewer's home page, today")
			.contains(this.page + "/requests/" + requestId("YOUTUBE") + "/edit", "YT-10")
			.doesNotContain("TT-9");
		this.jdbc.sql("update incident_request set answered_on = sent_on + 1").update();
		assertThat(waiting(group, this.dept.officer, this.today.plusDays(4))).as("answered").isEmpty();
		assertThat(this.officer.get("/").body()).doesNotContain("YT-10");
	}

	@Test
	void theSchoolCannotRecordOrSeeThemAndAnotherDepartmentGets404() {
		this.officer.post(this.page + "/requests", fields(formKey(this.officer.get(this.page + "/requests/new")),
				"AGENCY", null, null, "INFORMATION_DEPARTMENT", "CV 45", "", this.today));
		long id = requestId(null);
		PortalHttp school = login(this.dept.schoolLeader);
		assertThat(school.get(this.page + "/requests/new").statusCode()).isEqualTo(403);
		assertThat(school.get(this.page + "/requests/" + id + "/edit").statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(school.get(this.page).body()).select("#requests")).isEmpty();

		PortalHttp other = login(new TestDepartment(this.jdbc, this.people).officer);
		assertThat(other.get(this.page + "/requests/new").statusCode()).isEqualTo(404);
		assertThat(other.get(this.page + "/requests/" + id + "/edit").statusCode()).isEqualTo(404);
		Map<String, String> sneaky = fields(UUID.randomUUID().toString(), "PLATFORM", "ZALO", "REMOVE", null, null, "",
				this.today);
		assertThat(other.post(this.page + "/requests", sneaky).statusCode()).isEqualTo(404);
		assertThat(requests()).isOne();
	}

	private List<Map<String, Object>> waiting(TodoGroup group, String username, LocalDate day) {
		Map<String, Object> account = this.jdbc.sql("select id, unit_id from account where username = ?")
			.param(username)
			.query()
			.singleRow();
		String scope = this.jdbc.sql("select path from unit where id = ?")
			.param(this.dept.department)
			.query(String.class)
			.single();
		return this.jdbc.sql(group.sql())
			.param("account", account.get("id"))
			.param("unit", account.get("unit_id"))
			.param("scope", scope)
			.param("today", day)
			.param("now", java.sql.Timestamp.from(java.time.Instant.now()))
			.param("zone", "Asia/Ho_Chi_Minh")
			.query()
			.listOfRows();
	}

	private Map<String, String> fields(String formKey, String target, String platform, String asked, String agency,
			String reference, String contact, LocalDate sentOn) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("formKey", formKey);
		fields.put("target", target);
		fields.put("platform", (platform != null) ? platform : "");
		fields.put("asked", (asked != null) ? asked : "");
		fields.put("agency", (agency != null) ? agency : "");
		fields.put("reference", (reference != null) ? reference : "");
		fields.put("contact", contact);
		fields.put("sentOn", sentOn.toString());
		fields.put("answer", "");
		fields.put("answeredOn", "");
		fields.put("outcome", "");
		return fields;
	}

	private static String formKey(HttpResponse<String> form) {
		assertThat(form.statusCode()).isEqualTo(200);
		return Jsoup.parse(form.body()).select("input[name=formKey]").val();
	}

	private int requests() {
		return this.jdbc.sql("select count(*) from incident_request where incident_id = ?")
			.param(this.incident)
			.query(Integer.class)
			.single();
	}

	private long requestId(String platform) {
		return this.jdbc
			.sql("select id from incident_request where incident_id = ? and platform is not distinct from ?")
			.params(this.incident, platform)
			.query(Long.class)
			.single();
	}

	private List<String> audits() {
		return this.jdbc
			.sql("select action from audit_event where object_type = 'INCIDENT' and object_id = ? "
					+ "and action like 'INCIDENT_REQUEST%' order by id")
			.param(String.valueOf(this.incident))
			.query(String.class)
			.list();
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestPeople.PASSWORD);
		return http;
	}

}
