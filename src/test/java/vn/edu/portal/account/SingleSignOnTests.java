package vn.edu.portal.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.edu.identityprovider.TestIdentityProvider;
import vn.edu.portal.PortalHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID provider that the test starts (Spring
 * Authorization Server): authorization code with PKCE, the identity linked to an existing
 * account by its claim and never created, the provider's logout, and passwords off for
 * linked accounts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@Import(TestAccountFactory.class)
@DirtiesContext
class SingleSignOnTests {

	private static final int PORTAL_PORT = freePort();

	private static final int PROVIDER_PORT = freePort();

	private static final String PORTAL = "http://localhost:" + PORTAL_PORT;

	private static final String PROVIDER = "http://localhost:" + PROVIDER_PORT;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static ConfigurableApplicationContext provider;

	@Autowired
	TestAccountFactory factory;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void singleSignOn(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORTAL_PORT);
		registry.add("portal.oidc.issuer", () -> PROVIDER);
		registry.add("portal.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
		registry.add("portal.oidc.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
		registry.add("portal.oidc.passwords-for-linked-accounts", () -> "false");
	}

	@BeforeAll
	static void startProvider() {
		provider = TestIdentityProvider.start(PROVIDER_PORT, PORTAL);
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void aLinkedIdentitySignsInWithPkceAndItsLogoutEndsBothSessions() {
		String username = this.factory.create(Role.UNIT_LEADER, false);
		TestIdentityProvider.addUser(provider, username);
		Browser browser = new Browser();
		assertThat(browser.get(PORTAL + "/login").body()).contains("Đăng nhập bằng tài khoản công vụ");

		SignOn signOn = browser.signOn(username);

		assertThat(signOn.authorization()).startsWith(PROVIDER + "/oauth2/authorize?")
			.contains("code_challenge=", "code_challenge_method=S256", "scope=openid");
		assertThat(signOn.landing()).isEqualTo(PORTAL + "/");
		assertThat(browser.get(PORTAL + "/").body()).contains("Xin chào, Người Kiểm Thử");
		assertThat(this.jdbc.sql("""
				select i.issuer from account_identity i join account a on a.id = i.account_id where a.username = ?
				""").param(username).query(String.class).list()).containsExactly(PROVIDER);
		assertThat(this.jdbc.sql("select action from audit_event where actor = ? order by id")
			.param(username)
			.query(String.class)
			.list()).contains("IDENTITY_LINKED", "LOGIN_SUCCESS");

		HttpResponse<String> logout = browser.post(PORTAL + "/logout", Map.of());
		String providerLogout = location(logout);
		assertThat(providerLogout).startsWith(PROVIDER + "/connect/logout?id_token_hint=");
		assertThat(location(browser.get(providerLogout))).isEqualTo(PORTAL + "/login?logout");
		assertThat(location(browser.get(PORTAL + "/"))).endsWith("/login");
		String again = location(browser.get(location(browser.get(PORTAL + "/oauth2/authorization/portal"))));
		assertThat(again).as("the provider asks for its password again").isEqualTo(PROVIDER + "/login");
	}

	@Test
	void anIdentityNoAccountIsLinkedToSeesAPageForTheAdministratorAndNoAccountIsMade() {
		String stranger = "nguoi.la." + UUID.randomUUID().toString().substring(0, 6);
		TestIdentityProvider.addUser(provider, stranger);
		int accounts = this.jdbc.sql("select count(*) from account").query(Integer.class).single();
		Browser browser = new Browser();

		SignOn signOn = browser.signOn(stranger);

		assertThat(signOn.landing()).isEqualTo(PORTAL + "/login/unlinked");
		assertThat(browser.get(signOn.landing()).body()).contains("Tài khoản công vụ chưa được liên kết", stranger,
				"quản trị hệ thống của Sở");
		assertThat(this.jdbc.sql("select count(*) from account").query(Integer.class).single()).isEqualTo(accounts);
		assertThat(location(browser.get(PORTAL + "/"))).endsWith("/login");
		assertThat(this.jdbc.sql("""
				select details ->> 'reason' from audit_event where actor = ? and action = 'LOGIN_FAILURE'
				""").param(stranger).query(String.class).list()).containsExactly("unlinked-identity");
	}

	@Test
	void passwordsAreOffForAccountsWithALinkedIdentityOnly() {
		String linked = this.factory.create(Role.UNIT_STAFF, false);
		TestIdentityProvider.addUser(provider, linked);
		assertThat(new Browser().signOn(linked).landing()).isEqualTo(PORTAL + "/");
		String notLinked = this.factory.create(Role.UNIT_STAFF, false);

		PortalHttp http = new PortalHttp(PORTAL_PORT);
		HttpResponse<String> refused = http.login(linked, TestAccountFactory.PASSWORD);

		assertThat(PortalHttp.location(refused)).isEqualTo("/login?error=sso");
		assertThat(http.get("/login?error=sso").body()).contains("Tài khoản này đăng nhập bằng tài khoản công vụ");
		assertThat(PortalHttp.location(http.get("/"))).isEqualTo("/login");
		assertThat(PortalHttp.location(new PortalHttp(PORTAL_PORT).login(notLinked, TestAccountFactory.PASSWORD)))
			.isEqualTo("/");
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Where a sign-on began at the provider and where it landed back at the portal.
	 *
	 * @param authorization the provider's authorization request
	 * @param landing the portal's address it ended at
	 */
	record SignOn(String authorization, String landing) {
	}

	/**
	 * A browser across the portal and the provider: cookies of both, redirects by hand.
	 */
	static final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(30))
			.build();

		private String csrf;

		HttpResponse<String> get(String url) {
			return send(HttpRequest.newBuilder(URI.create(url)).GET());
		}

		HttpResponse<String> post(String url, Map<String, String> form) {
			Map<String, String> body = new LinkedHashMap<>(form);
			body.putIfAbsent("_csrf", this.csrf);
			return send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.entrySet()
					.stream()
					.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
							+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&")))));
		}

		/**
		 * Clicks the sign-on button, signs in at the provider, and follows the redirects
		 * back to the portal's page.
		 */
		SignOn signOn(String username) {
			String authorization = location(get(PORTAL + "/oauth2/authorization/portal"));
			String next = authorization;
			for (int hop = 0; hop < 10; hop++) {
				HttpResponse<String> response = get(next);
				next = location(response);
				if (next.equals(PROVIDER + "/login")) {
					get(next);
					next = location(
							post(next, Map.of("username", username, "password", TestIdentityProvider.PASSWORD)));
				}
				if (next.startsWith(PORTAL) && !next.startsWith(PORTAL + "/login/oauth2/")) {
					return new SignOn(authorization, next);
				}
			}
			throw new IllegalStateException("the sign-on did not come back to the portal");
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = this.client.send(request.timeout(Duration.ofMinutes(1)).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				Matcher matcher = CSRF.matcher(response.body());
				if (matcher.find()) {
					this.csrf = matcher.group(1);
				}
				return response;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
