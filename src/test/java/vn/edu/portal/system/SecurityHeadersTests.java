package vn.edu.portal.system;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityHeadersTests {

	@LocalServerPort
	int port;

	@Test
	void everyPageCarriesTheSecurityHeaders() {
		PortalHttp http = new PortalHttp(this.port);
		http.login(TestAccounts.DEPARTMENT_OFFICER, TestAccounts.DEMO_PASSWORD);
		for (HttpResponse<String> page : new HttpResponse[] { http.get("/login?lang=vi"), http.get("/"),
				http.get("/no-such-page") }) {
			assertThat(page.headers().firstValue("Content-Security-Policy")).get()
				.asString()
				.contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
			assertThat(page.headers().firstValue("Permissions-Policy")).get().asString().contains("camera=()");
			assertThat(page.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
		}
	}

	@Test
	void pagesBehindLoginAreNeverCachedButStaticFilesAre() {
		PortalHttp http = new PortalHttp(this.port);
		http.login(TestAccounts.DEPARTMENT_OFFICER, TestAccounts.DEMO_PASSWORD);

		assertThat(http.get("/").headers().firstValue("Cache-Control")).get().asString().contains("no-store");
		assertThat(http.get("/css/portal.css").headers().firstValue("Cache-Control")).get()
			.asString()
			.contains("max-age=31536000")
			.doesNotContain("no-store");
	}

	@Test
	void fontsAreServedWithoutLogin() {
		HttpResponse<String> font = new PortalHttp(this.port).get("/fonts/LiberationSerif-Regular.ttf");

		assertThat(font.statusCode()).isEqualTo(200);
		assertThat(font.headers().firstValue("Content-Type")).hasValue("font/ttf");
		assertThat(font.headers().firstValue("Cache-Control")).get().asString().contains("max-age=31536000");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() {
		HttpResponse<String> login = new PortalHttp(this.port).get("/login");

		assertThat(login.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("PORTALSESSION="))
			.singleElement()
			.asString()
			.contains("HttpOnly", "SameSite=Lax")
			.doesNotContain("Secure");
	}

	@Test
	void behindAnHttpsProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		HttpResponse<String> login = client
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/login"))
				.header("X-Forwarded-Proto", "https")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(login.headers().firstValue("Strict-Transport-Security")).get()
			.asString()
			.contains("max-age=31536000", "includeSubDomains");
		assertThat(login.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("PORTALSESSION="))
			.singleElement()
			.asString()
			.contains("Secure", "HttpOnly", "SameSite=Lax");
	}

	@Test
	void actuatorHealthIsPublicAndTheRestIsForSystemAdministrators() {
		PortalHttp anonymous = new PortalHttp(this.port);
		assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health").body()).contains("\"status\":\"UP\"");
		assertThat(PortalHttp.location(anonymous.get("/actuator/metrics"))).isEqualTo("/login");

		PortalHttp leader = new PortalHttp(this.port);
		leader.login(TestAccounts.DEPARTMENT_LEADER, TestAccounts.DEMO_PASSWORD);
		assertThat(leader.get("/actuator/metrics").statusCode()).isEqualTo(403);
		assertThat(leader.get("/actuator/flyway").statusCode()).isEqualTo(403);

		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
		assertThat(admin.get("/actuator/flyway").body()).contains("organisation unit");
	}

}
