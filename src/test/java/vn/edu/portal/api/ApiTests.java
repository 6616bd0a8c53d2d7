package vn.edu.portal.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API with personal access tokens: the pages' scope rule (another unit's
 * assignment is 404), scopes (403), expiry and revocation (401), problem details, the
 * rate limit (429), and cookies that authenticate nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.api.requests-per-minute=20")
class ApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	TestDepartment dept;

	long directive;

	@BeforeEach
	void publish() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		this.directive = this.directives.publishSampleTo(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo), LocalDate.now().minusDays(1));
	}

	@Test
	void aSchoolLeaderMakesATokenOnTheProfileReadsAndAcknowledgesItsOwnAssignmentOnly() throws Exception {
		PortalHttp leader = login(this.dept.schoolLeader);
		String token = createToken(leader, "Phần mềm trường", List.of("directives:read", "inbox:read", "inbox:write"));
		long own = assignment(this.dept.upperSecondaryOne);
		long other = assignment(this.dept.upperSecondaryTwo);

		HttpResponse<String> list = get("/api/v1/directives", token);
		HttpResponse<String> read = get("/api/v1/directives/" + this.directive, token);
		HttpResponse<String> inbox = get("/api/v1/inbox", token);
		HttpResponse<String> otherSchools = get("/api/v1/inbox/" + other, token);
		HttpResponse<String> acknowledge = post("/api/v1/inbox/" + own + "/acknowledge", token);
		HttpResponse<String> acknowledgeOther = post("/api/v1/inbox/" + other + "/acknowledge", token);

		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"numberAndSymbol\":\"01/SGD&ĐT-CTTT\"");
		assertThat(read.body()).contains("\"subject\":\"tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội\"",
				"\"acknowledgeBy\":", "\"role\":\"IMPLEMENT\"", "Trường THPT Một");
		assertThat(inbox.body()).contains("\"id\":" + own).doesNotContain("\"id\":" + other + ",");
		assertThat(otherSchools.statusCode()).isEqualTo(404);
		assertThat(otherSchools.headers().firstValue("Content-Type")).get()
			.asString()
			.startsWith("application/problem+json");
		assertThat(otherSchools.body()).contains("\"status\":404");
		assertThat(acknowledge.statusCode()).isEqualTo(200);
		assertThat(acknowledge.body()).contains("\"acknowledgedNow\":true");
		assertThat(acknowledgeOther.statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("select acknowledged_at is not null from assignment where id = ?")
			.param(own)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("select acknowledged_at is null from assignment where id = ?")
			.param(other)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(post("/api/v1/inbox/" + own + "/acknowledge", token).body()).contains("\"acknowledgedNow\":false");
		assertThat(Jsoup.parse(leader.get("/account/tokens").body()).text())
			.contains("Phần mềm trường", "directives:read inbox:read inbox:write")
			.doesNotContain("Chưa dùng");
	}

	@Test
	void aTokenWithoutTheScopeGets403AndUnknownExpiredOrRevokedTokensGet401() throws Exception {
		PortalHttp leader = login(this.dept.schoolLeader);
		String readOnly = createToken(leader, "Chỉ đọc", List.of("directives:read"));
		long own = assignment(this.dept.upperSecondaryOne);

		HttpResponse<String> forbidden = post("/api/v1/inbox/" + own + "/acknowledge", readOnly);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("\"status\":403");

		HttpResponse<String> unknown = get("/api/v1/directives", "pat_khong-co-that");
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
		assertThat(unknown.body()).contains("\"status\":401");
		assertThat(get("/api/v1/directives", null).statusCode()).isEqualTo(401);

		this.jdbc
			.sql("update api_token set expires_at = now() - interval '1 minute', created_at = now() - interval '1 day' "
					+ "where token_hash = ?")
			.param(ApiTokens.hash(readOnly))
			.update();
		assertThat(get("/api/v1/directives", readOnly).statusCode()).as("expired").isEqualTo(401);

		String second = createToken(leader, "Sẽ thu hồi", List.of("directives:read"));
		assertThat(get("/api/v1/directives", second).statusCode()).isEqualTo(200);
		long id = this.jdbc.sql("select id from api_token where token_hash = ?")
			.param(ApiTokens.hash(second))
			.query(Long.class)
			.single();
		leader.post("/account/tokens/" + id + "/revoke", Map.of());
		assertThat(get("/api/v1/directives", second).statusCode()).as("revoked").isEqualTo(401);
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'API_TOKEN_REVOKED' and object_id = ?")
					.param(String.valueOf(id))
					.query(Long.class)
					.single())
			.isOne();

		PortalHttp other = login(this.people.account(this.dept.upperSecondaryTwo, Role.UNIT_LEADER));
		other.get("/account/tokens");
		assertThat(other.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode()).as("another's token")
			.isEqualTo(404);
	}

	@Test
	void aTokenPastItsBudgetGets429WithRetryAfterAndASessionCookieAuthenticatesNothing() throws Exception {
		PortalHttp leader = login(this.dept.schoolLeader);
		String token = createToken(leader, "Nhiều yêu cầu", List.of("directives:read"));

		HttpResponse<String> last = null;
		int ok = 0;
		for (int i = 0; i < 25; i++) {
			last = get("/api/v1/directives?limit=1", token);
			if (last.statusCode() == 200) {
				ok++;
			}
		}

		assertThat(ok).isEqualTo(20);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).get().asString().matches("\\d+");
		assertThat(last.body()).contains("\"status\":429");
		HttpResponse<String> withCookie = this.client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/directives"))
				.header("Cookie", PortalHttp.SESSION_COOKIE + "=" + leader.sessionId())
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withCookie.statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenCannotHaveScopesBeyondItsOwnersPermissionsAndBadInputIsExplained() {
		String username = this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF);
		PortalHttp staff = login(username);
		staff.get("/account/tokens");

		String page = staff.post("/account/tokens", Map.of("name", "", "scopes", "inbox:write", "days", "99999"))
			.body();

		assertThat(Jsoup.parse(page).text()).contains("Vui lòng nhập trường này.",
				"Có quyền vượt quá quyền của tài khoản.", "Giá trị lớn nhất là 3.650.");
		assertThat(Jsoup.parse(page).select("input[name=scopes]").eachAttr("value")).doesNotContain("inbox:write");
		assertThat(this.jdbc
			.sql("select count(*) from api_token t join account a on a.id = t.account_id " + "where a.username = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void unitsAreReadWithinTheOwnersScopeAndAnotherScopesUnitIs404() throws Exception {
		String school = createToken(login(this.dept.schoolLeader), "Đơn vị", List.of("units:read"));
		String department = createToken(login(this.dept.officer), "Sở", List.of("units:read"));

		HttpResponse<String> mine = get("/api/v1/units/mine", school);
		HttpResponse<String> own = get("/api/v1/units/" + this.dept.upperSecondaryOne, school);
		HttpResponse<String> otherSchool = get("/api/v1/units/" + this.dept.upperSecondaryTwo, school);
		HttpResponse<String> above = get("/api/v1/units/" + this.dept.department, school);
		HttpResponse<String> tree = get("/api/v1/units/" + this.dept.department, department);
		HttpResponse<String> school2 = get("/api/v1/units/" + this.dept.upperSecondaryTwo, department);

		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("\"id\":" + this.dept.upperSecondaryOne, "\"name\":\"Trường THPT Một\"",
				"\"type\":\"UPPER_SECONDARY\"", "\"parentId\":" + this.dept.department);
		assertThat(own.body()).isEqualTo(mine.body());
		assertThat(otherSchool.statusCode()).isEqualTo(404);
		assertThat(otherSchool.body()).contains("\"status\":404").doesNotContain("Trường THPT Hai");
		assertThat(above.statusCode()).isEqualTo(404);
		assertThat(tree.statusCode()).isEqualTo(200);
		assertThat(tree.body()).contains("\"name\":\"Sở Giáo dục và Đào tạo thử nghiệm\"",
				"\"id\":" + this.dept.upperSecondaryTwo, "\"name\":\"Phòng GD&ĐT huyện Một\"");
		assertThat(school2.body()).contains("\"name\":\"Trường THPT Hai\"");
	}

	@Test
	void theDashboardFiguresAreThoseOfThePageWithinTheScope() throws Exception {
		PortalHttp officer = login(this.dept.officer);
		String department = createToken(officer, "Số liệu", List.of("dashboard:read"));
		String school = createToken(login(this.dept.schoolLeader), "Số liệu trường", List.of("dashboard:read"));

		HttpResponse<String> figures = get("/api/v1/dashboard?unit=" + this.dept.department, department);
		HttpResponse<String> own = get("/api/v1/dashboard", school);
		HttpResponse<String> otherSchool = get("/api/v1/dashboard?unit=" + this.dept.upperSecondaryTwo, school);
		HttpResponse<String> badPeriod = get("/api/v1/dashboard?kind=MONTH&month=13", school);

		assertThat(figures.statusCode()).isEqualTo(200);
		String csv = officer.get("/dashboard.csv?unit=" + this.dept.department).body();
		String row = csv.lines().filter((line) -> line.contains("Trường THPT Một")).findFirst().orElseThrow();
		String ackExpected = row.split(",")[3];
		Matcher child = Pattern
			.compile("\\{\"unitId\":" + this.dept.upperSecondaryOne
					+ ",[^{]*\"acknowledged\":\\{\"done\":(\\d+),\"expected\":(\\d+)\\}")
			.matcher(figures.body());
		assertThat(child.find()).as(figures.body()).isTrue();
		assertThat(child.group(2)).as("published today: not yet due").isEqualTo(ackExpected).isEqualTo("0");
		assertThat(child.group(1)).isEqualTo("0");
		assertThat(figures.body()).contains("\"kind\":\"SCHOOL_YEAR\"", "\"unitId\":" + this.dept.upperSecondaryTwo);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("\"unit\":{\"unitId\":" + this.dept.upperSecondaryOne,
				"\"acknowledged\":{\"done\":0,\"expected\":0}", "\"acknowledgementsPending\":1");
		assertThat(otherSchool.statusCode()).isEqualTo(404);
		assertThat(otherSchool.body()).contains("\"status\":404");
		assertThat(badPeriod.statusCode()).isEqualTo(400);
		assertThat(badPeriod.body()).contains("\"status\":400", "a month from 1 to 12");
	}

	@Test
	void aReportIsReadByItsUnitAndTheReviewingDepartmentAndAnotherUnitsReportIs404() throws Exception {
		long own = report(assignment(this.dept.upperSecondaryOne), "Đã tổ chức 3 buổi sinh hoạt chuyên đề");
		long other = report(assignment(this.dept.upperSecondaryTwo), "Báo cáo của trường khác");
		String school = createToken(login(this.dept.schoolLeader), "Báo cáo", List.of("reports:read"));
		String department = createToken(login(this.dept.officer), "Báo cáo Sở", List.of("reports:read"));

		HttpResponse<String> read = get("/api/v1/reports/" + own, school);
		HttpResponse<String> otherSchools = get("/api/v1/reports/" + other, school);
		HttpResponse<String> reviewed = get("/api/v1/reports/" + other, department);

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"id\":" + own, "\"status\":\"SUBMITTED\"",
				"\"unitId\":" + this.dept.upperSecondaryOne, "\"directiveId\":" + this.directive,
				"\"narrative\":\"Đã tổ chức 3 buổi sinh hoạt chuyên đề\"", "\"status\":\"DONE\"");
		assertThat(otherSchools.statusCode()).isEqualTo(404);
		assertThat(otherSchools.body()).contains("\"status\":404").doesNotContain("trường khác");
		assertThat(reviewed.statusCode()).isEqualTo(200);
		assertThat(reviewed.body()).contains("Báo cáo của trường khác");
	}

	@Test
	void incidentStatusIsReadForTheOwnUnitOnlyAndNeverWithTheRestrictedNames() throws Exception {
		long leaderId = this.jdbc.sql("select id from account where username = ?")
			.param(this.dept.schoolLeader)
			.query(Long.class)
			.single();
		long own = incident(this.dept.upperSecondaryOne, leaderId);
		long other = incident(this.dept.upperSecondaryTwo, leaderId);
		this.jdbc.sql("insert into incident_names (incident_id, names, updated_at, updated_by) values (?, ?, now(), ?)")
			.params(own, "Nguyễn Văn Bí Mật", leaderId)
			.update();
		String school = createToken(login(this.dept.schoolLeader), "Sự cố", List.of("incidents:read"));

		HttpResponse<String> list = get("/api/v1/incidents", school);
		HttpResponse<String> read = get("/api/v1/incidents/" + own, school);
		HttpResponse<String> otherSchools = get("/api/v1/incidents/" + other, school);

		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"id\":" + own + ",").doesNotContain("\"id\":" + other + ",");
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"status\":\"SUBMITTED\"", "\"category\":\"BNTT\"", "\"pastTarget\":false");
		for (HttpResponse<String> response : List.of(list, read)) {
			assertThat(response.body()).doesNotContain("Nguyễn Văn Bí Mật", "Bài đăng thử", "names", "summary");
		}
		assertThat(otherSchools.statusCode()).isEqualTo(404);
		assertThat(otherSchools.body()).contains("\"status\":404");
		String department = createToken(login(this.dept.officer), "Sự cố Sở", List.of("incidents:read"));
		assertThat(get("/api/v1/incidents/" + own, department).statusCode())
			.as("the Department reads its units' incidents on the pages, not through the API")
			.isEqualTo(404);
		assertThat(get("/api/v1/incidents", department).body()).isEqualTo("[]");
	}

	@Test
	void theReadEndpointsAnswer403WithoutTheirScope() throws Exception {
		String token = createToken(login(this.dept.schoolLeader), "Chỉ văn bản", List.of("directives:read"));
		long report = report(assignment(this.dept.upperSecondaryOne), "Đã làm");

		for (String path : List.of("/api/v1/units/mine", "/api/v1/units/" + this.dept.upperSecondaryOne,
				"/api/v1/dashboard", "/api/v1/reports/" + report, "/api/v1/incidents", "/api/v1/incidents/1")) {
			HttpResponse<String> response = get(path, token);
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.body()).as(path).contains("\"status\":403");
		}
		PortalHttp staff = login(this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF));
		staff.get("/account/tokens");
		assertThat(Jsoup.parse(staff.get("/account/tokens").body()).select("input[name=scopes]").eachAttr("value"))
			.as("a staff member has no dashboard")
			.contains("units:read", "reports:read", "incidents:read")
			.doesNotContain("dashboard:read");
	}

	/** A submitted report of an assignment, one task done. */
	private long report(long assignment, String narrative) {
		long by = this.jdbc.sql("select id from account where username = ?")
			.param(this.dept.schoolLeader)
			.query(Long.class)
			.single();
		long id = this.jdbc.sql("""
				insert into report (assignment_id, period_due, status, revision, updated_at, updated_by, submitted_at,
				                    submitted_by, submitted_late)
				values (?, ?, 'SUBMITTED', 1, now(), ?, now(), ?, false) returning id
				""").params(assignment, LocalDate.now().plusDays(10), by, by).query(Long.class).single();
		this.jdbc.sql("insert into report_task (report_id, position, status, narrative) values (?, 0, 'DONE', ?)")
			.params(id, narrative)
			.update();
		return id;
	}

	/** A submitted incident of a unit. */
	private long incident(long unit, long by) {
		return this.jdbc
			.sql("""
					insert into incident (form_key, unit_id, reporter_id, status, detected_at, platform, category, severity,
					                      summary, submitted_at, submitted_by, report_due_at, reported_late, triage_due_at,
					                      created_at, updated_at, updated_by)
					values (gen_random_uuid(), ?, ?, 'SUBMITTED', now() - interval '3 hours', 'FACEBOOK', 'BNTT', 2,
					        'Bài đăng thử', now(), ?, now() + interval '1 hour', false, now() + interval '1 day', now(), now(), ?)
					returning id
					""")
			.params(unit, by, by, by)
			.query(Long.class)
			.single();
	}

	private String createToken(PortalHttp http, String name, List<String> scopes) {
		http.get("/account/tokens");
		String body = http
			.post("/account/tokens", Map.of("name", name, "scopes", String.join(",", scopes), "days", "30"))
			.body();
		Matcher matcher = Pattern.compile("id=\"secret\">(pat_[A-Za-z0-9_-]+)<").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private long assignment(long unit) {
		return this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(this.directive, unit)
			.query(Long.class)
			.single();
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String token) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, TestPeople.PASSWORD).statusCode()).isEqualTo(302);
		return http;
	}

}
