package vn.edu.portal.account;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;
import vn.edu.portal.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-time codes as a second factor, with the portal's clock under the test's control:
 * enrolment with a QR code, a code at every sign-in and never the same code twice,
 * recovery codes that work once, a role that requires it, slowed guessing, and the
 * administrator's reset.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.mfa.required-roles=UNIT_LEADER")
@Import({ TestAccountFactory.class, TestClock.Config.class })
class SecondFactorTests {

	private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY_CODE = Pattern.compile("font-monospace\">([a-z0-9-]{11})<");

	private static final String WRONG = "Mã không đúng hoặc đã được dùng";

	@LocalServerPort
	int port;

	@Autowired
	TestAccountFactory factory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anEnrolledAccountGivesACodeAtEverySignInAndNeverTheSameCodeTwice() {
		Instant now = Instant.parse("2026-12-01T01:00:10Z");
		this.clock.set(now);
		String username = this.factory.create(Role.UNIT_STAFF, false);
		PortalHttp http = new PortalHttp(this.port);
		assertThat(PortalHttp.location(http.login(username, TestAccountFactory.PASSWORD))).isEqualTo("/");
		String page = http.get("/account/second-factor").body();
		String secret = secretOf(page);
		HttpResponse<String> qr = http.get("/account/second-factor/qr.svg");
		assertThat(qr.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
		assertThat(qr.body()).startsWith("<svg");

		String wrongCode = Totp.code(secret, Totp.stepOf(now) + 5);
		String refused = http.post("/account/second-factor", Map.of("code", wrongCode)).body();
		assertThat(refused).contains(WRONG).contains("is-invalid");
		assertThat(secretOf(refused)).as("the same secret, to try again").isEqualTo(secret);
		assertThat(enrolled(username)).isFalse();

		List<String> codes = recoveryCodesOf(
				http.post("/account/second-factor", Map.of("code", Totp.code(secret, Totp.stepOf(now)))).body());
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(enrolled(username)).isTrue();
		assertThat(this.jdbc
			.sql("select code_hash from account_recovery_code a join account c on c.id = a.account_id "
					+ "where c.username = ?")
			.param(username)
			.query(String.class)
			.list()).hasSize(10)
			.noneMatch((hash) -> codes.stream().anyMatch((code) -> hash.contains(code.replace("-", ""))));
		http.post("/logout", Map.of());

		assertThat(PortalHttp.location(http.login(username, TestAccountFactory.PASSWORD))).isEqualTo("/");
		assertThat(PortalHttp.location(http.get("/"))).isEqualTo("/login/second-factor");
		assertThat(PortalHttp.location(http.get("/account"))).isEqualTo("/login/second-factor");
		assertThat(PortalHttp.location(http.get("/account/second-factor"))).isEqualTo("/login/second-factor");
		assertThat(http.get("/login/second-factor").body()).contains("Nhập mã xác thực");
		assertThat(http.post("/login/second-factor", Map.of("code", Totp.code(secret, Totp.stepOf(now)))).body())
			.as("the code of the enrolment, played again")
			.contains(WRONG);

		this.clock.set(now.plusSeconds(30));
		HttpResponse<String> passed = http.post("/login/second-factor",
				Map.of("code", Totp.code(secret, Totp.stepOf(now) + 1)));

		assertThat(PortalHttp.location(passed)).isEqualTo("/");
		assertThat(http.get("/").statusCode()).isEqualTo(200);
		assertThat(audit(username)).contains("SECOND_FACTOR_ENROLLED", "SECOND_FACTOR_FAILURE",
				"SECOND_FACTOR_SUCCESS");
	}

	@Test
	void aRecoveryCodeWorksOnce() {
		String username = this.factory.create(Role.UNIT_STAFF, false);
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestAccountFactory.PASSWORD);
		List<String> codes = enrol(http);
		http.post("/logout", Map.of());

		signIn(http, username);
		assertThat(PortalHttp
			.location(http.post("/login/second-factor", Map.of("code", " " + codes.get(3).toUpperCase() + " "))))
			.isEqualTo("/");
		http.post("/logout", Map.of());
		signIn(http, username);
		assertThat(http.post("/login/second-factor", Map.of("code", codes.get(3))).body()).contains(WRONG);
		assertThat(PortalHttp.location(http.post("/login/second-factor", Map.of("code", codes.get(4))))).isEqualTo("/");
		assertThat(http.get("/account/second-factor").body()).contains("Còn 8 mã khôi phục chưa dùng.");
	}

	@Test
	void aRoleThatRequiresASecondFactorReachesOnlyTheEnrolmentWithAPasswordAlone() {
		String leader = this.factory.create(Role.UNIT_LEADER, false);
		PortalHttp http = new PortalHttp(this.port);
		http.login(leader, TestAccountFactory.PASSWORD);

		assertThat(PortalHttp.location(http.get("/"))).isEqualTo("/account/second-factor");
		assertThat(PortalHttp.location(http.get("/directives"))).isEqualTo("/account/second-factor");
		assertThat(PortalHttp.location(http.get("/account"))).isEqualTo("/account/second-factor");
		assertThat(http.get("/account/second-factor").body()).contains("Vai trò của bạn bắt buộc xác thực hai bước");

		enrol(http);

		assertThat(http.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void wrongCodesAreSlowedLikeWrongPasswords() {
		Instant now = Instant.parse("2026-12-01T02:00:10Z");
		this.clock.set(now);
		String username = this.factory.create(Role.UNIT_STAFF, false);
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestAccountFactory.PASSWORD);
		String secret = secretOf(http.get("/account/second-factor").body());
		assertThat(recoveryCodesOf(
				http.post("/account/second-factor", Map.of("code", Totp.code(secret, Totp.stepOf(now)))).body()))
			.hasSize(10);
		http.post("/logout", Map.of());
		this.clock.set(now.plusSeconds(30));
		signIn(http, username);
		for (int i = 0; i < 5; i++) {
			assertThat(http.post("/login/second-factor", Map.of("code", "00000" + i)).body()).contains(WRONG);
		}

		String right = Totp.code(secret, Totp.stepOf(now) + 1);
		assertThat(http.post("/login/second-factor", Map.of("code", right)).body())
			.contains("Bạn đã nhập sai quá nhiều lần");
		this.clock.set(now.plusSeconds(61));
		assertThat(PortalHttp
			.location(http.post("/login/second-factor", Map.of("code", Totp.code(secret, Totp.stepOf(now) + 2)))))
			.isEqualTo("/");
	}

	@Test
	void anAdministratorResetsTheSecondFactorAndTheAccountEnrolsAgain() {
		String leader = this.factory.create(Role.UNIT_LEADER, false);
		PortalHttp http = new PortalHttp(this.port);
		http.login(leader, TestAccountFactory.PASSWORD);
		enrol(http);
		long id = this.jdbc.sql("select id from account where username = ?").param(leader).query(Long.class).single();
		PortalHttp colleague = new PortalHttp(this.port);
		colleague.login(this.factory.create(Role.UNIT_STAFF, false), TestAccountFactory.PASSWORD);
		colleague.get("/");
		assertThat(colleague.post("/admin/users/" + id + "/second-factor/reset", Map.of()).statusCode()).isEqualTo(403);
		assertThat(enrolled(leader)).isTrue();

		this.jdbc.sql("insert into user_entities (id, name, display_name) values (?, ?, ?)")
			.params("entity-" + leader, leader, leader)
			.update();
		this.jdbc.sql("""
				insert into user_credentials (credential_id, user_entity_user_id, public_key, backup_eligible,
				  backup_state, label) values (?, ?, ?, false, false, 'Điện thoại')""")
			.params("credential-" + leader, "entity-" + leader, new byte[] { 1, 2, 3 })
			.update();

		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		assertThat(admin.get("/admin/users/" + id).body()).contains("Gỡ xác thực hai bước");
		admin.post("/admin/users/" + id + "/second-factor/reset", Map.of());
		assertThat(this.jdbc.sql("select count(*) from user_credentials where credential_id = ?")
			.param("credential-" + leader)
			.query(Integer.class)
			.single()).as("the passkeys go with the codes").isZero();

		assertThat(admin.get("/admin/users/" + id).body())
			.contains("Đã gỡ xác thực hai bước của tài khoản và kết thúc mọi phiên đăng nhập.");
		assertThat(enrolled(leader)).isFalse();
		assertThat(PortalHttp.location(http.get("/"))).isEqualTo("/login");
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where actor = 'admin' "
					+ "and action = 'SECOND_FACTOR_RESET' and object_id = ?")
			.param(String.valueOf(id))
			.query(Integer.class)
			.single()).isEqualTo(1);
		http.login(leader, TestAccountFactory.PASSWORD);
		assertThat(PortalHttp.location(http.get("/"))).isEqualTo("/account/second-factor");
	}

	/** Signs in with the password and opens the page that asks for the code. */
	private static void signIn(PortalHttp http, String username) {
		assertThat(PortalHttp.location(http.login(username, TestAccountFactory.PASSWORD))).isEqualTo("/");
		assertThat(PortalHttp.location(http.get("/"))).isEqualTo("/login/second-factor");
		assertThat(http.get("/login/second-factor").statusCode()).isEqualTo(200);
	}

	/** Enrols the signed-in browser's account at the clock's time; answers its codes. */
	private List<String> enrol(PortalHttp http) {
		String secret = secretOf(http.get("/account/second-factor").body());
		return recoveryCodesOf(http
			.post("/account/second-factor", Map.of("code", Totp.code(secret, Totp.stepOf(this.clock.instant()))))
			.body());
	}

	private static String secretOf(String page) {
		Matcher matcher = SECRET.matcher(page);
		assertThat(matcher.find()).as("the secret on the page").isTrue();
		return matcher.group(1).replace(" ", "");
	}

	private static List<String> recoveryCodesOf(String page) {
		Matcher matcher = RECOVERY_CODE.matcher(page);
		List<String> codes = new ArrayList<>();
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	private boolean enrolled(String username) {
		return this.jdbc
			.sql("select exists (select 1 from account_totp t join account a on a.id = t.account_id "
					+ "where a.username = ?)")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	private List<String> audit(String username) {
		return this.jdbc.sql("select action from audit_event where actor = ? order by id")
			.param(username)
			.query(String.class)
			.list();
	}

}
