package vn.edu.portal.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.edu.identityprovider.TestIdentityProvider;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A machine client of the province's identity provider (a real Spring Authorization
 * Server that the test starts) calls the API with a client-credentials JWT: it acts as
 * the portal account of the same name, within that account's scope and the token's
 * scopes; a locked account, a forged token and a personal access token still behave as
 * they should.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ApiClientCredentialsTests {

	private static final int PROVIDER_PORT = freePort();

	private static final String PROVIDER = "http://localhost:" + PROVIDER_PORT;

	private static ConfigurableApplicationContext provider;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("portal.api.issuer", () -> PROVIDER);
	}

	@BeforeAll
	static void startProvider() {
		provider = TestIdentityProvider.start(PROVIDER_PORT, "http://localhost:1");
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void theRegisterOfTheProvinceReadsItsUnitsInboxWithAClientCredentialsToken() throws Exception {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		long directive = this.directives.publishSampleTo(dept, List.of(dept.upperSecondaryOne, dept.upperSecondaryTwo),
				LocalDate.now().minusDays(1));
		String account = this.people.account(dept.upperSecondaryOne, Role.UNIT_LEADER);
		this.jdbc.sql("update account set username = ? where username = ?")
			.params(TestIdentityProvider.MACHINE_CLIENT_ID, account)
			.update();
		long own = assignment(directive, dept.upperSecondaryOne);
		long other = assignment(directive, dept.upperSecondaryTwo);
		String jwt = clientToken("inbox:read directives:read");

		HttpResponse<String> inbox = get("/api/v1/inbox", jwt);
		HttpResponse<String> ownAssignment = get("/api/v1/inbox/" + own, jwt);
		HttpResponse<String> otherSchools = get("/api/v1/inbox/" + other, jwt);
		HttpResponse<String> notGranted = get("/api/v1/dashboard", jwt);

		assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
		assertThat(inbox.body()).contains("\"id\":" + own + ",").doesNotContain("\"id\":" + other + ",");
		assertThat(ownAssignment.statusCode()).isEqualTo(200);
		assertThat(otherSchools.statusCode()).as("the pages' scope rule").isEqualTo(404);
		assertThat(notGranted.statusCode()).as("the token carries no dashboard:read").isEqualTo(403);
		assertThat(this.jdbc.sql("select requests from api_rate_window where caller = ?")
			.param("client:" + TestIdentityProvider.MACHINE_CLIENT_ID)
			.query(Integer.class)
			.single()).as("the client has its own budget").isEqualTo(4);

		this.jdbc.sql("update account set enabled = false where username = ?")
			.param(TestIdentityProvider.MACHINE_CLIENT_ID)
			.update();
		HttpResponse<String> disabled = get("/api/v1/inbox", jwt);
		assertThat(disabled.statusCode()).as("an administrator switches the client off").isEqualTo(401);
		assertThat(disabled.body()).contains("\"status\":401");
	}

	@Test
	void aTokenSignedByAnotherKeyOrNotAJwtIsRefused() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var pair = generator.generateKeyPair();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").build(),
				new JWTClaimsSet.Builder().issuer(PROVIDER)
					.subject(TestIdentityProvider.MACHINE_CLIENT_ID)
					.claim("scope", "inbox:read")
					.issueTime(new Date())
					.expirationTime(Date.from(Instant.now().plusSeconds(300)))
					.build());
		forged.sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()));
		assertThat(pair.getPublic()).isInstanceOf(RSAPublicKey.class);

		for (String token : List.of(forged.serialize(), "not-a-jwt", "pat_unknown")) {
			HttpResponse<String> response = get("/api/v1/inbox", token);
			assertThat(response.statusCode()).as(token).isEqualTo(401);
			assertThat(response.body()).as(token).contains("\"status\":401").doesNotContain("Exception");
		}
	}

	/**
	 * A token of the provider for the machine client, by the client-credentials grant.
	 */
	private String clientToken(String scope) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((TestIdentityProvider.MACHINE_CLIENT_ID + ":" + TestIdentityProvider.MACHINE_CLIENT_SECRET)
				.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(PROVIDER + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=client_credentials&scope=" + scope.replace(" ", "%20")))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private long assignment(long directive, long unit) {
		return this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(directive, unit)
			.query(Long.class)
			.single();
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
