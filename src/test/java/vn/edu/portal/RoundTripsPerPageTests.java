package vn.edu.portal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Assets;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.RequestEdgeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one page costs the database, counted as PostgreSQL sees it ({@link RoundTrips}):
 * every list page, with the menu's counts and the session, in five round trips (the
 * session, {@code BEGIN} with the menu, the page's statement, {@code COMMIT}; the issue's
 * bound is six), the home page in six or fewer, {@code BEGIN} and {@code COMMIT}
 * included; a static file or the health check costs the session nothing. Its application
 * context (with the counting connections) is closed after it, so that its pool holds no
 * connections while the other classes run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RoundTrips.Config.class)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripsPerPageTests {

	private static final int MOST_PER_PAGE = 6;

	private static final int READ_BY_A_LIST_PAGE = 5;

	private static final int MOST_ON_THE_DASHBOARD = 13;

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
	Assets assets;

	PopulatedDepartment data;

	@BeforeAll
	void department() {
		this.data = new PopulatedDepartment(this.port, this.jdbc, this.people, this.directives, this.formats.today());
	}

	@Test
	void everyListPageReadsWhatItShowsInFiveRoundTripsWithTheSessionAndTheMenu() {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("/inbox", this.data.schoolLeader);
		pages.put("/directives", this.data.dept.officer);
		pages.put("/incidents", this.data.schoolLeader);
		pages.put("/incidents/triage", this.data.dept.officer);
		pages.put("/reports/review", this.data.dept.officer);
		pages.put("/notifications", this.data.schoolLeader);
		List<String> tooMany = new ArrayList<>();
		pages.forEach((path, username) -> {
			PortalHttp http = this.data.login(username);
			assertThat(http.get(path).statusCode()).as("%s for %s", path, username).isEqualTo(200);
			RoundTrips.Counted<HttpResponse<String>> viewed = RoundTrips.during(() -> http.get(path));
			assertThat(viewed.result().statusCode()).isEqualTo(200);
			List<String> sent = viewed.statements();
			assertThat(sent).as("%s: the session, read once", path)
				.filteredOn((statement) -> statement.contains("SPRING_SESSION"))
				.hasSize(1);
			assertThat(sent).as("%s: one read-only transaction", path)
				.filteredOn((statement) -> statement.equals("BEGIN"))
				.hasSize(1);
			if (sent.size() > READ_BY_A_LIST_PAGE) {
				tooMany.add(path + " took " + sent.size() + ": " + sent);
			}
		});
		assertThat(tooMany).as("list pages over " + READ_BY_A_LIST_PAGE + " round trips").isEmpty();
	}

	/**
	 * A list page leaves in one piece with its length (the page is held in the response's
	 * buffer, which Thymeleaf no longer flushes): no chunks. A page larger than the
	 * buffer still arrives whole, and a page that creates the session while it renders
	 * (the sign-in form's token) still sets its cookie.
	 */
	@Test
	void aListPageLeavesWholeWithItsLengthAndALargerPageStillArrivesWhole() {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("/inbox", this.data.schoolLeader);
		pages.put("/incidents/triage", this.data.dept.officer);
		pages.put("/notifications", this.data.schoolLeader);
		pages.forEach((path, username) -> {
			HttpResponse<String> page = this.data.login(username).get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Transfer-Encoding")).as("%s is not chunked", path).isEmpty();
			assertThat(page.headers().firstValueAsLong("Content-Length")).as("%s carries its length", path)
				.hasValue(page.body().getBytes(StandardCharsets.UTF_8).length);
			assertThat(page.body()).as(path).endsWith("</html>\n");
		});
		long longDraft = this.directives.draftSample(this.data.dept);
		String opening = "Thực hiện nghiêm túc chỉ thị này. ".repeat(580);
		this.jdbc.sql("update directive set opening = ? where id = ?").params(opening, longDraft).update();
		HttpResponse<String> large = this.data.login(this.data.dept.officer).get("/directives/" + longDraft);
		assertThat(large.statusCode()).isEqualTo(200);
		assertThat(large.body()).contains(opening.strip()).endsWith("</html>\n");
		assertThat(large.body().getBytes(StandardCharsets.UTF_8).length).as("the draft is over the buffer")
			.isGreaterThan(RequestEdgeFilter.RESPONSE_BUFFER);
		assertThat(large.headers().firstValue("Transfer-Encoding")).contains("chunked");
		HttpResponse<String> signIn = new PortalHttp(this.port).get("/login");
		assertThat(signIn.headers().firstValue("Content-Length")).isPresent();
		assertThat(signIn.headers().allValues("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("PORTALSESSION="));
		assertThat(signIn.body()).contains("name=\"_csrf\"");
	}

	/**
	 * The home page reads every group of its "Việc cần làm" in one statement, beside the
	 * menu and the scope: as few round trips as the inbox, whichever the role.
	 */
	@Test
	void theHomePageReadsEveryGroupInOneStatementForEveryRole() {
		List<String> tooMany = new ArrayList<>();
		for (String username : List.of(this.data.schoolLeader, this.data.dept.officer, this.data.dept.leader,
				TestAccounts.ADMIN)) {
			PortalHttp http = (username.equals(TestAccounts.ADMIN)) ? admin() : this.data.login(username);
			assertThat(http.get("/").statusCode()).as(username).isEqualTo(200);
			RoundTrips.Counted<HttpResponse<String>> viewed = RoundTrips.during(() -> http.get("/"));
			assertThat(viewed.result().body()).as(username).contains("Việc cần làm");
			List<String> sent = viewed.statements();
			assertThat(sent).as("%s: one read-only transaction", username)
				.filteredOn((statement) -> statement.equals("BEGIN"))
				.hasSize(1);
			if (sent.size() > MOST_PER_PAGE) {
				tooMany.add(username + " took " + sent.size() + ": " + sent);
			}
		}
		assertThat(tooMany).as("the home page over " + MOST_PER_PAGE + " round trips").isEmpty();
	}

	private PortalHttp admin() {
		PortalHttp http = new PortalHttp(this.port);
		http.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		return http;
	}

	/**
	 * The dashboard is a report rather than a list: worked out, its figures, months,
	 * units not responded and directives are separate statements, in the one read-only
	 * transaction. Then it is kept under the number of the state of the data: seen again
	 * with nothing changed, it costs what a list page costs; after any change, committed
	 * by anyone, it is worked out again.
	 */
	@Test
	void theDashboardIsWorkedOutInOneReadOnlyTransactionThenKeptUntilTheDataChanges() {
		PortalHttp http = this.data.login(this.data.dept.leader);
		this.jdbc.sql("update unit set name = name || ' ' where id = ?").param(this.data.dept.department).update();
		List<String> workedOut = RoundTrips.during(() -> http.get("/dashboard")).statements();
		assertThat(workedOut).filteredOn((statement) -> statement.contains("SPRING_SESSION")).hasSize(1);
		assertThat(workedOut).filteredOn((statement) -> statement.equals("BEGIN")).hasSize(1);
		assertThat(workedOut).as("the dashboard's round trips").hasSizeLessThanOrEqualTo(MOST_ON_THE_DASHBOARD);
		assertThat(workedOut).as("worked out").hasSizeGreaterThan(MOST_PER_PAGE);

		RoundTrips.Counted<HttpResponse<String>> again = RoundTrips.during(() -> http.get("/dashboard"));
		assertThat(again.result().statusCode()).isEqualTo(200);
		assertThat(again.statements()).as("kept: " + again.statements()).hasSizeLessThanOrEqualTo(MOST_PER_PAGE);

		this.jdbc.sql("update unit set name = rtrim(name) where id = ?").param(this.data.dept.department).update();
		assertThat(RoundTrips.during(() -> http.get("/dashboard")).statements()).as("worked out again after a change")
			.hasSizeGreaterThan(MOST_PER_PAGE);
	}

	@Test
	void anUnchangedSessionIsNotWrittenAgainWithinAMinuteButIsOnceItsLastAccessIsOlder() {
		PortalHttp http = this.data.login(this.data.schoolLeader);
		http.get("/inbox");
		List<String> again = RoundTrips.during(() -> http.get("/inbox")).statements();
		assertThat(again).noneMatch((statement) -> statement.startsWith("UPDATE SPRING_SESSION"));

		String sessionId = new String(Base64.getDecoder().decode(http.sessionId()), StandardCharsets.US_ASCII);
		assertThat(this.jdbc.sql("""
				update spring_session set last_access_time = last_access_time - 120000
				where session_id = ?""").param(sessionId).update()).isEqualTo(1);
		List<String> later = RoundTrips.during(() -> http.get("/inbox")).statements();
		assertThat(later).filteredOn((statement) -> statement.startsWith("UPDATE SPRING_SESSION")).hasSize(1);
		long lastAccess = this.jdbc.sql("select last_access_time from spring_session where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
		assertThat(System.currentTimeMillis() - lastAccess).as("the stored last access is now").isLessThan(60_000);
	}

	@Test
	void aStaticFileOrTheHealthCheckReadsNoSessionAndSetsNoCookie() {
		PortalHttp http = this.data.login(this.data.schoolLeader);
		List<String> paths = List.of(this.assets.getBootstrapCss(), this.assets.getPortalCss(),
				this.assets.getAutosaveJs(), "/favicon.ico", this.assets.getFaviconSvg(), "/actuator/health");
		for (String path : paths) {
			RoundTrips.Counted<HttpResponse<String>> served = RoundTrips.during(() -> http.get(path));
			assertThat(served.result().statusCode()).as(path).isEqualTo(200);
			assertThat(served.result().headers().firstValue("Set-Cookie")).as("%s sets no cookie", path).isEmpty();
			assertThat(served.statements()).as("%s reads no session", path)
				.noneMatch((statement) -> statement.contains("SPRING_SESSION"));
		}
		HttpResponse<String> anonymous = new PortalHttp(this.port).get(this.assets.getPortalCss());
		assertThat(anonymous.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void stylesheetsAndScriptsAreServedCompressedToABrowserThatAsksAndCachedForAYear() throws Exception {
		for (String path : List.of(this.assets.getBootstrapCss(), this.assets.getPortalCss(),
				this.assets.getBootstrapJs(), this.assets.getAutosaveJs())) {
			HttpResponse<byte[]> plain = fetch(path, false);
			HttpResponse<byte[]> compressed = fetch(path, true);
			assertThat(compressed.statusCode()).isEqualTo(200);
			assertThat(compressed.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
			assertThat(compressed.headers().firstValue("Cache-Control")).as(path)
				.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=31536000"));
			assertThat(gunzip(compressed.body())).as("%s decompresses to the file", path).isEqualTo(plain.body());
			if (plain.body().length > 10_000) {
				assertThat(compressed.body().length).as(path).isLessThan(plain.body().length / 3);
			}
		}
	}

	@Test
	void theFaviconExists() throws Exception {
		HttpResponse<byte[]> icon = fetch("/favicon.ico", false);
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type")).contains("image/x-icon");
		assertThat(new String(icon.body(), 6 + 16 + 1, 3, StandardCharsets.US_ASCII)).as("a PNG inside")
			.isEqualTo("PNG");
		assertThat(this.data.login(this.data.schoolLeader).get("/inbox").body())
			.contains("<link rel=\"icon\" href=\"/favicon.ico\"");
	}

	private HttpResponse<byte[]> fetch(String path, boolean gzip) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

}
