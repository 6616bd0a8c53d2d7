package vn.edu.portal.api;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
	void incidentStatusIsReadWithinThePagesScopeAndNeverWithTheRestrictedNames() throws Exception {
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
		HttpResponse<String> reviewed = get("/api/v1/incidents/" + own, department);
		assertThat(reviewed.statusCode()).as("the Department reads its units' incidents, as on its pages")
			.isEqualTo(200);
		assertThat(get("/api/v1/incidents", department).body()).contains("\"id\":" + own + ",",
				"\"id\":" + other + ",");
		for (HttpResponse<String> response : List.of(reviewed, get("/api/v1/incidents", department))) {
			assertThat(response.body()).doesNotContain("Nguyễn Văn Bí Mật", "Bài đăng thử", "names", "summary");
		}
		String otherDepartment = createToken(login(new TestDepartment(this.jdbc, this.people).officer), "Sở khác",
				List.of("incidents:read"));
		assertThat(get("/api/v1/incidents/" + own, otherDepartment).statusCode()).as("another Department's scope")
			.isEqualTo(404);
		assertThat(get("/api/v1/incidents", otherDepartment).body()).doesNotContain("\"id\":" + own + ",");
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

	@Test
	void aSchoolLeaderSubmitsAReportThroughTheApiOnceWithThePagesChecksAndNeverForAnotherSchool() throws Exception {
		long withReport = this.directives.publishWithReport(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo), LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(10));
		long own = assignment(withReport, this.dept.upperSecondaryOne);
		long other = assignment(withReport, this.dept.upperSecondaryTwo);
		String token = createToken(login(this.dept.schoolLeader), "Nộp báo cáo",
				List.of("reports:read", "reports:write"));
		int tasks = this.jdbc.sql("select count(*) from directive_task where directive_id = ?")
			.param(withReport)
			.query(Integer.class)
			.single();
		assertThat(tasks).isPositive();

		HttpResponse<String> periods = get("/api/v1/inbox/" + own + "/reports", token);
		assertThat(periods.statusCode()).isEqualTo(200);
		Matcher first = Pattern
			.compile("\\{\"period\":\"(\\d{4}-\\d{2}-\\d{2})\",\"reportId\":null,\"status\":\"NOT_STARTED\"")
			.matcher(periods.body());
		assertThat(first.find()).as(periods.body()).isTrue();
		String period = first.group(1);
		String path = "/api/v1/inbox/" + own + "/reports/" + period;

		HttpResponse<String> tooFew = postJson(path, token, "{\"tasks\":[],\"figures\":\"3 buổi\"}");
		HttpResponse<String> badStatus = postJson(path, token, body(tasks, "FINISHED", "Đã làm"));
		HttpResponse<String> tooLong = postJson(path, token, body(tasks, "DONE", "x".repeat(8001)));
		assertThat(tooFew.statusCode()).isEqualTo(400);
		assertThat(tooFew.body()).contains("\"errors\"",
				"Hãy gửi đúng một dòng cho mỗi nhiệm vụ của văn bản (" + tasks);
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("\"field\":\"tasks[0].narrative\"");
		assertThat(reportsOf(own)).as("nothing is half-saved").isZero();

		HttpResponse<String> submitted = postJson(path, token, body(tasks, "DONE", "Đã tổ chức 3 buổi chuyên đề"));
		HttpResponse<String> again = postJson(path, token, body(tasks, "DONE", "Đã tổ chức 3 buổi chuyên đề"));
		HttpResponse<String> otherSchools = postJson("/api/v1/inbox/" + other + "/reports/" + period, token,
				body(tasks, "DONE", "Không phải của mình"));

		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.body()).contains("\"submittedNow\":true", "\"status\":\"SUBMITTED\"",
				"Đã tổ chức 3 buổi chuyên đề");
		assertThat(again.body()).contains("\"submittedNow\":false");
		assertThat(otherSchools.statusCode()).isEqualTo(404);
		assertThat(reportsOf(own)).isEqualTo(1);
		assertThat(reportsOf(other)).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from report_revision v join report r on r.id = v.report_id where r.assignment_id = ?
				""").param(own).query(Integer.class).single()).as("one submission, one revision").isEqualTo(1);
		assertThat(get("/api/v1/inbox/" + own + "/reports", token).body()).contains("\"status\":\"SUBMITTED\"");
		PortalHttp staff = login(this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF));
		assertThat(Jsoup.parse(staff.get("/account/tokens").body()).select("input[name=scopes]").eachAttr("value"))
			.as("staff prepare reports; the leader submits them")
			.contains("reports:read", "incidents:write")
			.doesNotContain("reports:write");
	}

	@Test
	void aSchoolLeaderFilesAnIncidentThroughTheApiOncePerKeyWithThePagesChecks() throws Exception {
		String token = createToken(login(this.dept.schoolLeader), "Sự cố",
				List.of("incidents:read", "incidents:write"));
		String key = java.util.UUID.randomUUID().toString();
		String detected = java.time.Instant.now().minusSeconds(3600).toString();

		HttpResponse<String> empty = postJson("/api/v1/incidents", token, "{\"key\":\"" + key + "\",\"submit\":true}");
		HttpResponse<String> unknownCode = postJson("/api/v1/incidents", token,
				"{\"key\":\"" + key + "\",\"category\":\"NOT_A_CATEGORY\",\"submit\":true}");
		HttpResponse<String> badLink = postJson("/api/v1/incidents", token, incident(key, detected, "not a link"));
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("\"field\":\"platform\"", "\"field\":\"category\"", "\"field\":\"summary\"",
				"\"field\":\"urls\"");
		assertThat(unknownCode.statusCode()).isEqualTo(400);
		assertThat(unknownCode.body()).contains("\"status\":400").doesNotContain("Exception", "vn.edu");
		assertThat(badLink.statusCode()).isEqualTo(400);
		assertThat(badLink.body()).contains("\"field\":\"urls\"");
		assertThat(incidentsWithKey(key)).as("nothing is half-saved").isZero();

		HttpResponse<String> filed = postJson("/api/v1/incidents", token,
				incident(key, detected, "https://www.facebook.com/groups/hocsinh/posts/123"));
		HttpResponse<String> retried = postJson("/api/v1/incidents", token,
				incident(key, detected, "https://www.facebook.com/groups/hocsinh/posts/123"));

		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		assertThat(filed.body()).contains("\"created\":true", "\"status\":\"SUBMITTED\"", "\"category\":\"BNTT\"",
				"\"unitId\":" + this.dept.upperSecondaryOne);
		assertThat(retried.statusCode()).isEqualTo(200);
		assertThat(retried.body()).contains("\"created\":false");
		assertThat(incidentsWithKey(key)).isEqualTo(1);
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(filed.body());
		assertThat(id.find()).isTrue();
		assertThat(get("/api/v1/incidents/" + id.group(1), token).body()).contains("\"status\":\"SUBMITTED\"");
		assertThat(this.jdbc.sql("select status from incident where form_key = cast(? as uuid)")
			.param(key)
			.query(String.class)
			.single()).isEqualTo("SUBMITTED");

		String staff = createToken(login(this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF)), "Nháp",
				List.of("incidents:write"));
		String draftKey = java.util.UUID.randomUUID().toString();
		HttpResponse<String> staffSubmits = postJson("/api/v1/incidents", staff,
				incident(draftKey, detected, "https://www.tiktok.com/@hs/video/1"));
		HttpResponse<String> staffDrafts = postJson("/api/v1/incidents", staff,
				incident(draftKey, detected, "https://www.tiktok.com/@hs/video/1").replace("\"submit\":true",
						"\"submit\":false"));
		assertThat(staffSubmits.statusCode()).as("staff draft; the leader submits").isEqualTo(403);
		assertThat(staffDrafts.statusCode()).as(staffDrafts.body()).isEqualTo(201);
		assertThat(staffDrafts.body()).contains("\"status\":\"DRAFT\"");
	}

	@Test
	void aBodyOverOneMegabyteIs413WhetherItsLengthIsDeclaredOrItComesInChunks() throws Exception {
		String token = createToken(login(this.dept.schoolLeader), "Lớn", List.of("incidents:write"));
		String key = java.util.UUID.randomUUID().toString();
		// Over the limit, and under the 2 MB Tomcat reads and discards after answering:
		// past that it closes the connection while the client is still sending, and the
		// client may see the reset instead of the answer.
		byte[] hostile = ("{\"key\":\"" + key + "\",\"summary\":\"" + "A".repeat(1536 * 1024) + "\"}")
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> declared = this.client.send(
				json("/api/v1/incidents", token).POST(HttpRequest.BodyPublishers.ofByteArray(hostile)).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> chunked = this.client.send(json("/api/v1/incidents", token)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(hostile)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(declared.body()).contains("larger than the API accepts (1 MB)");
		assertThat(chunked.statusCode()).as("no length declared: cut off while reading").isEqualTo(413);
		assertThat(chunked.body()).contains("larger than the API accepts (1 MB)").doesNotContain("Exception");
		assertThat(incidentsWithKey(key)).isZero();
	}

	@Test
	void theRateLimitIsCountedInTheDatabaseThatEveryInstanceShares() throws Exception {
		String token = createToken(login(this.dept.schoolLeader), "Đếm", List.of("directives:read"));
		long tokenId = this.jdbc.sql("select max(id) from api_token").query(Long.class).single();
		for (int i = 0; i < 3; i++) {
			assertThat(get("/api/v1/directives?limit=1", token).statusCode()).isEqualTo(200);
		}
		assertThat(this.jdbc.sql("select requests from api_rate_window where caller = ?")
			.param("token:" + tokenId)
			.query(Integer.class)
			.single()).isEqualTo(3);
		// Another instance's requests in the same window: the budget of 20 is spent.
		this.jdbc.sql("update api_rate_window set requests = 20 where caller = ?").param("token:" + tokenId).update();
		HttpResponse<String> over = get("/api/v1/directives?limit=1", token);
		assertThat(over.statusCode()).isEqualTo(429);
		assertThat(Integer.parseInt(over.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
		// The window ended: the count starts again.
		this.jdbc.sql("update api_rate_window set window_start = now() - interval '61 seconds' where caller = ?")
			.param("token:" + tokenId)
			.update();
		assertThat(get("/api/v1/directives?limit=1", token).statusCode()).isEqualTo(200);
	}

	private static String body(int tasks, String status, String narrative) {
		String row = "{\"status\":\"" + status + "\",\"narrative\":\"" + narrative + "\"}";
		return "{\"tasks\":[" + String.join(",", java.util.Collections.nCopies(tasks, row))
				+ "],\"figures\":\"3 buổi\"}";
	}

	private static String incident(String key, String detected, String url) {
		return """
				{"key":"%s","detectedAt":"%s","platform":"FACEBOOK","urls":["%s"],"category":"BNTT","severity":2,
				 "summary":"Bài đăng chế ảnh học sinh lớp 10A1 trong nhóm kín của trường.",
				 "people":[{"role":"STUDENT","ageBand":"FROM_16_TO_17","count":1}],"submit":true}
				""".formatted(key, detected, url);
	}

	private int reportsOf(long assignment) {
		return this.jdbc.sql("select count(*) from report where assignment_id = ?")
			.param(assignment)
			.query(Integer.class)
			.single();
	}

	private int incidentsWithKey(String key) {
		return this.jdbc.sql("select count(*) from incident where form_key = cast(? as uuid)")
			.param(key)
			.query(Integer.class)
			.single();
	}

	private HttpRequest.Builder json(String path, String token) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30));
	}

	private HttpResponse<String> postJson(String path, String token, String json) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
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
		return assignment(this.directive, unit);
	}

	private long assignment(long directive, long unit) {
		return this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(directive, unit)
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
