package vn.edu.portal;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.incident.TestIncidentForms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state-changing forms sent ten times at the same moment from one session, as an
 * impatient tap on a slow phone does: each has one effect, and every tap ends on a normal
 * page, never on the error page of a server fault.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DoubleTapTests {

	private static final int TAPS = 10;

	private static final ZoneId ICT = ZoneId.of("Asia/Ho_Chi_Minh");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	TestDepartment dept;

	@BeforeEach
	void department() {
		this.dept = new TestDepartment(this.jdbc, this.people);
	}

	@Test
	void acknowledgingADirective() throws Exception {
		long directive = this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne),
				LocalDate.now(ICT));
		long assignment = assignment(directive, this.dept.upperSecondaryOne);
		PortalHttp school = login(this.dept.schoolLeader);
		school.get("/inbox/" + assignment);

		taps(() -> school.post("/inbox/" + assignment + "/acknowledge", Map.of()));

		assertThat(count("select count(*) from assignment where id = ? and acknowledged_at is not null", assignment))
			.isOne();
		assertThat(count("select count(*) from audit_event where action = 'ASSIGNMENT_ACKNOWLEDGED' and object_id = ?",
				String.valueOf(assignment)))
			.as("acknowledged once")
			.isOne();
	}

	@Test
	void submittingAReport() throws Exception {
		ReportForm form = reportForm();

		taps(() -> form.school().post(form.path(), submittedReport()));
		long assignment = form.assignment();

		assertThat(
				count("select count(*) from report where assignment_id = ? and submitted_at is not null", assignment))
			.isOne();
		assertThat(count("select coalesce(max(revision), 0) from report where assignment_id = ?", assignment))
			.as("submitted once")
			.isOne();
	}

	@Test
	void forwardingADirective() throws Exception {
		long directive = this.directives.publishSampleTo(this.dept, List.of(this.dept.districtOne), LocalDate.now(ICT));
		long office = assignment(directive, this.dept.districtOne);
		PortalHttp district = login(this.dept.districtLeader);
		district.get("/inbox/" + office);

		taps(() -> district.post("/inbox/" + office + "/forward",
				Map.of("units[0]", "UNIT:" + this.dept.schoolOfDistrictOne, "instructions", "Triển khai ngay.")));

		assertThat(count("select count(*) from assignment where parent_id = ?", office)).isOne();
	}

	@Test
	void returningASubmittedReport() throws Exception {
		ReportForm form = reportForm();
		form.school().post(form.path(), submittedReport());
		long id = this.jdbc.sql("select id from report where assignment_id = ?")
			.param(form.assignment())
			.query(Long.class)
			.single();
		PortalHttp officer = login(this.dept.officer);
		officer.get("/reports/" + id);
		String version = String.valueOf(count("select version from report where id = ?", id));

		taps(() -> officer.post("/reports/" + id + "/return",
				Map.of("version", version, "comment", "Bổ sung số học sinh tham gia.")));

		assertThat(this.jdbc.sql("select status from report where id = ?").param(id).query(String.class).single())
			.isEqualTo("RETURNED");
		assertThat(count("select count(*) from audit_event where action = 'REPORT_RETURNED' and object_id = ?",
				String.valueOf(id)))
			.isOne();
	}

	@Test
	void askingTheReportingUnitForInformation() throws Exception {
		PortalHttp school = login(this.dept.schoolLeader);
		String page = submittedIncident(school);
		long id = Long.parseLong(page.replaceAll("\\D", ""));
		PortalHttp officer = login(this.dept.officer);
		officer.get(page);
		officer.post(page + "/accept",
				Map.of("version", String.valueOf(count("select version from incident where id = ?", id))));
		officer.get(page);
		String version = String.valueOf(count("select version from incident where id = ?", id));

		taps(() -> officer.post(page + "/ask", Map.of("version", version, "text", "Trang đã gỡ bài chưa?")));

		assertThat(this.jdbc.sql("select status from incident where id = ?").param(id).query(String.class).single())
			.isEqualTo("NEEDS_INFO");
		assertThat(count("select count(*) from incident_comment where incident_id = ?", id)).isOne();
	}

	@Test
	void acceptingAnIncident() throws Exception {
		PortalHttp school = login(this.dept.schoolLeader);
		String page = submittedIncident(school);
		long id = Long.parseLong(page.replaceAll("\\D", ""));
		PortalHttp officer = login(this.dept.officer);
		officer.get(page);
		String version = String.valueOf(count("select version from incident where id = ?", id));

		taps(() -> officer.post(page + "/accept", Map.of("version", version)));

		assertThat(this.jdbc.sql("select status from incident where id = ?").param(id).query(String.class).single())
			.isEqualTo("ACCEPTED");
		assertThat(count("select count(*) from audit_event where action = 'INCIDENT_ACCEPTED' and object_id = ?",
				String.valueOf(id)))
			.isOne();
	}

	@Test
	void publishingADirectiveTakesOneNumber() throws Exception {
		long id = this.directives.draftSample(this.dept);
		PortalHttp officer = login(this.dept.officer);
		officer.get("/directives/" + id);
		officer.post("/directives/" + id + "/submit", Map.of("version", String.valueOf(version(id))));
		PortalHttp leader = login(this.dept.leader);
		leader.get("/directives/" + id);
		String version = String.valueOf(version(id));
		String today = LocalDate.now(ICT).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

		taps(() -> leader.post("/directives/" + id + "/publish", Map.of("signedOn", today, "version", version)));

		assertThat(count("select count(*) from directive where issuer_unit_id = ? and number is not null",
				this.dept.department))
			.isOne();
	}

	@Test
	void savingANewDirectiveDraft() throws Exception {
		PortalHttp officer = login(this.dept.officer);
		String page = officer.get("/directives/new").body();
		String key = page.replaceAll("(?s).*name=\"formKey\" value=\"([^\"]+)\".*", "$1");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("formKey", key);
		form.put("type", "CONG_VAN");
		form.put("secrecy", "NONE");
		form.put("urgency", "NORMAL");
		form.put("issuerName", "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
		form.put("issuerAbbreviation", "SGD&ĐT");
		form.put("draftingAbbreviation", "CTTT");
		form.put("place", "Bến Tre");
		form.put("subject", "chạm hai lần vào nút lưu");
		form.put("tasks[0].text", "Một nhiệm vụ.");
		form.put("implementers[0]", "UNIT:" + this.dept.upperSecondaryOne);
		form.put("reportSchedule", "NONE");
		form.put("signerPosition", "GIÁM ĐỐC");
		form.put("signerName", "Người Ký");

		taps(() -> officer.post("/directives", form));

		assertThat(count("select count(*) from directive where form_key = cast(? as uuid)", key)).isOne();
		assertThat(count("select count(*) from directive where drafting_unit_id = ?", this.dept.division)).isOne();
	}

	@Test
	void creatingAnAccount() throws Exception {
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		admin.get("/admin/users/new");
		String username = "t.cham." + UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("fullName", "Người Chạm Hai Lần");
		form.put("unitCode", "THPT-CHUYENBENTRE");
		form.put("roles", Role.UNIT_STAFF.name());
		form.put("language", "vi");

		taps(() -> admin.post("/admin/users", form));

		assertThat(count("select count(*) from account where username = ?", username)).isOne();
	}

	@Test
	void commentingOnAnIncident() throws Exception {
		PortalHttp school = login(this.dept.schoolLeader);
		String page = submittedIncident(school);
		long id = Long.parseLong(page.replaceAll("\\D", ""));
		school.get(page);

		taps(() -> school.post(page + "/comments", Map.of("body", "Trang đã gỡ bài lúc 9 giờ.")));

		assertThat(count("select count(*) from incident_comment where incident_id = ?", id)).isOne();
	}

	@Test
	void returningAndRecallingADirective() throws Exception {
		long id = this.directives.draftSample(this.dept);
		PortalHttp officer = login(this.dept.officer);
		officer.get("/directives/" + id);
		officer.post("/directives/" + id + "/submit", Map.of("version", String.valueOf(version(id))));
		PortalHttp leader = login(this.dept.leader);
		leader.get("/directives/" + id);
		String pending = String.valueOf(version(id));

		taps(() -> leader.post("/directives/" + id + "/return",
				Map.of("version", pending, "comment", "Viết lại đoạn mở đầu.")));

		assertThat(count("select count(*) from directive_history where directive_id = ? and action = 'RETURNED'", id))
			.isOne();

		long published = this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne),
				LocalDate.now(ICT));
		leader.get("/directives/" + published);
		String issued = String.valueOf(version(published));

		taps(() -> leader.post("/directives/" + published + "/recall",
				Map.of("version", issued, "comment", "Thay bằng văn bản khác.")));

		assertThat(count("select count(*) from directive_history where directive_id = ? and action = 'RECALLED'",
				published))
			.isOne();
	}

	@Test
	void creatingAUnit() throws Exception {
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		admin.get("/admin/units/new");
		String code = "CHAM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("name", "Trường Tiểu học Chạm Hai Lần");
		form.put("shortName", "");
		form.put("type", "PRIMARY");
		form.put("ownership", "PUBLIC");
		form.put("parentCode", "PGD-GTR");
		form.put("email", "");
		form.put("phone", "");
		form.put("validFrom", "01/09/2015");

		taps(() -> admin.post("/admin/units", form));

		assertThat(count("select count(*) from unit where code = ?", code)).isOne();
	}

	/** Sends the request ten times at once; every answer is a page or a redirect. */
	private static void taps(java.util.concurrent.Callable<HttpResponse<String>> request) throws Exception {
		List<HttpResponse<String>> answers = Concurrently.times(TAPS, request);
		assertThat(answers).extracting(HttpResponse::statusCode).allMatch((status) -> status == 200 || status == 302);
	}

	/**
	 * The report form of a school for a directive that asks for one report.
	 *
	 * @param school the school's leader, signed in, the form opened
	 * @param assignment the school's assignment
	 * @param path the form's address
	 */
	record ReportForm(PortalHttp school, long assignment, String path) {
	}

	private ReportForm reportForm() {
		LocalDate due = LocalDate.now(ICT).plusDays(5);
		long directive = this.directives.publishWithReport(this.dept, List.of(this.dept.upperSecondaryOne),
				LocalDate.now(ICT), due);
		long assignment = assignment(directive, this.dept.upperSecondaryOne);
		PortalHttp school = login(this.dept.schoolLeader);
		String path = "/inbox/" + assignment + "/reports/" + due;
		school.get(path);
		return new ReportForm(school, assignment, path);
	}

	private static Map<String, String> submittedReport() {
		Map<String, String> report = new LinkedHashMap<>();
		report.put("action", "submit");
		for (int i = 0; i < 5; i++) {
			report.put("tasks[" + i + "].status", "DONE");
			report.put("tasks[" + i + "].narrative", "Đã thực hiện nhiệm vụ " + (i + 1) + ".");
		}
		return report;
	}

	/** Files an incident from the new-incident form; answers its page. */
	private static String submittedIncident(PortalHttp school) {
		school.get("/incidents/new");
		return PortalHttp.location(school.multipart("/incidents/new", incident(), "evidence", Map.of()));
	}

	private static Map<String, String> incident() {
		Map<String, String> form = TestIncidentForms.form(UUID.randomUUID(),
				"https://www.facebook.com/tintuc/posts/" + UUID.randomUUID(), 2, 2);
		form.put("action", "submit");
		return form;
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestPeople.PASSWORD);
		return http;
	}

	private long assignment(long directive, long unit) {
		return this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(directive, unit)
			.query(Long.class)
			.single();
	}

	private long version(long directive) {
		return this.jdbc.sql("select version from directive where id = ?").param(directive).query(Long.class).single();
	}

	private int count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Integer.class).single();
	}

}
