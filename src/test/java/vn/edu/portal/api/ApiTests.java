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
