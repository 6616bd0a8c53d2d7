package vn.edu.portal.account;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Login protections that an attacker cannot aim at someone else: wrong passwords slow the
 * guesser, never the owner on a browser or address the account signed in from before, nor
 * a school behind one address; and guessing one account stays at 20 password checks an
 * hour from everywhere together.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestAccountFactory.class, TestClock.Config.class })
class LoginProtectionTests {

	private static final String THROTTLED = "/login?error=throttled";

	@LocalServerPort
	int port;

	@Autowired
	TestAccountFactory factory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@BeforeEach
	@AfterEach
	void forget() {
		this.clock.reset();
		this.jdbc.sql("delete from login_attempt where username = ?").param(TestAccounts.DEPARTMENT_LEADER).update();
	}

	@Test
	void elevenMadeUpUsernamesFromOneAddressDoNotStopACorrectLoginFromThatAddress() {
		String username = this.factory.create(Role.UNIT_LEADER, false);
		String school = PortalHttp.randomAddress();
		PortalHttp guesser = new PortalHttp(this.port, school);
		for (int i = 0; i < 11; i++) {
			assertThat(PortalHttp.location(guesser.login("made.up." + i, "wrong-password"))).isEqualTo("/login?error");
		}

		HttpResponse<String> colleague = new PortalHttp(this.port, school).login(username, TestAccountFactory.PASSWORD);

		assertThat(PortalHttp.location(colleague)).isEqualTo("/");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where ip = ? and action = 'LOGIN_FAILURE'
				and details ->> 'reason' = 'bad-credentials'
				""").param(school).query(Integer.class).single()).isEqualTo(11);
	}

	@Test
	void fiftyWrongPasswordsOnTheLeadersAccountFromOtherAddressesDoNotStopItsOwnerOnAKnownDevice() {
		String leader = TestAccounts.DEPARTMENT_LEADER;
		Instant start = Instant.now();
		PortalHttp owner = new PortalHttp(this.port, PortalHttp.randomAddress());
		assertThat(PortalHttp.location(owner.login(leader, TestAccounts.DEMO_PASSWORD))).isEqualTo("/");
		owner.post("/logout", Map.of());
		String office = owner.address();

		for (int i = 0; i < 50; i++) {
			new PortalHttp(this.port).login(leader, "guess-" + i);
		}
		HttpResponse<String> attackerWithTheRightPassword = new PortalHttp(this.port).login(leader,
				TestAccounts.DEMO_PASSWORD);
		owner.moveTo(PortalHttp.randomAddress());
		HttpResponse<String> ownerOnTheRoad = owner.login(leader, TestAccounts.DEMO_PASSWORD);
		HttpResponse<String> ownerOnANewBrowserInTheOffice = new PortalHttp(this.port, office).login(leader,
				TestAccounts.DEMO_PASSWORD);

		assertThat(PortalHttp.location(attackerWithTheRightPassword)).isEqualTo(THROTTLED);
		assertThat(PortalHttp.location(ownerOnTheRoad)).isEqualTo("/");
		assertThat(owner.get("/").body()).contains("Xin chào");
		assertThat(PortalHttp.location(ownerOnANewBrowserInTheOffice)).isEqualTo("/");
		assertThat(failureReasonsOf(leader, start)).containsEntry("bad-credentials", 20).containsEntry("throttled", 31);
	}

	/**
	 * The figure: an attacker with any number of addresses and no browser the account
	 * knows gets 20 password checks in any hour (480 a day); from one address alone, 12
	 * in the first hour and 4 an hour after that.
	 */
	@Test
	void guessingOneAccountStaysAtTwentyChecksAnHour() {
		String username = this.factory.create(Role.UNIT_STAFF, false);
		Instant start = Instant.now();
		int checkedFirstHour = guessEveryTwentySeconds(username, start, Duration.ofHours(1), false);
		int checkedSecondHour = guessEveryTwentySeconds(username, start.plus(Duration.ofHours(1)), Duration.ofHours(1),
				false);

		assertThat(checkedFirstHour).isEqualTo(20);
		assertThat(checkedSecondHour).isEqualTo(20);

		String another = this.factory.create(Role.UNIT_STAFF, false);
		assertThat(guessEveryTwentySeconds(another, start, Duration.ofHours(1), true)).isEqualTo(12);
	}

	@Test
	void oneClientWaitsLongerAfterEachFailureWithoutTouchingOthers() {
		String username = this.factory.create(Role.UNIT_LEADER, false);
		Instant now = Instant.now();
		this.clock.set(now);
		PortalHttp clumsy = new PortalHttp(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(PortalHttp.location(clumsy.login(username, "wrong-" + i))).isEqualTo("/login?error");
		}

		assertThat(PortalHttp.location(clumsy.login(username, TestAccountFactory.PASSWORD))).isEqualTo(THROTTLED);
		assertThat(clumsy.get(THROTTLED).body()).contains("Có quá nhiều lần đăng nhập không thành công");
		assertThat(PortalHttp.location(new PortalHttp(this.port).login(username, TestAccountFactory.PASSWORD)))
			.as("another address is not slowed by this one")
			.isEqualTo("/");
		this.clock.set(now.plusSeconds(31));
		assertThat(PortalHttp.location(clumsy.login(username, TestAccountFactory.PASSWORD))).isEqualTo("/");
		assertThat(this.jdbc.sql("select count(*) from login_attempt where username = ?")
			.param(username)
			.query(Integer.class)
			.single()).as("a success forgets the failures of its client").isZero();
	}

	@Test
	void anAddressAboveItsCeilingWaitsButItsKnownBrowsersAndAccountsStillSignIn() {
		String newcomer = this.factory.create(Role.UNIT_STAFF, false);
		String regular = this.factory.create(Role.UNIT_STAFF, false);
		String address = PortalHttp.randomAddress();
		PortalHttp regularsBrowser = new PortalHttp(this.port, address);
		assertThat(PortalHttp.location(regularsBrowser.login(regular, TestAccountFactory.PASSWORD))).isEqualTo("/");
		regularsBrowser.post("/logout", Map.of());
		this.jdbc.sql("""
				insert into login_attempt (username, client, address, attempted_at)
				select 'sprayed.' || n, 'a:' || :address, :address, :at from generate_series(1, 300) n
				""").param("address", address).param("at", Timestamp.from(Instant.now())).update();

		assertThat(PortalHttp.location(new PortalHttp(this.port, address).login(newcomer, TestAccountFactory.PASSWORD)))
			.isEqualTo(THROTTLED);
		assertThat(PortalHttp.location(regularsBrowser.login(regular, TestAccountFactory.PASSWORD))).isEqualTo("/");
		assertThat(PortalHttp.location(new PortalHttp(this.port).login(newcomer, TestAccountFactory.PASSWORD)))
			.isEqualTo("/");
	}

	@Test
	void parallelGuessesAreEachCountedSoTheLimitHolds() throws Exception {
		String username = this.factory.create(Role.UNIT_LEADER, false);
		int attempts = 30;
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		List<String> locations = new ArrayList<>();
		try {
			List<Future<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				PortalHttp http = new PortalHttp(this.port);
				http.get("/login");
				responses.add(pool
					.submit(() -> http.post("/login", Map.of("username", username, "password", "wrong-password"))));
			}
			for (Future<HttpResponse<String>> response : responses) {
				locations.add(PortalHttp.location(response.get(2, TimeUnit.MINUTES)));
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(locations).filteredOn("/login?error"::equals).hasSize(20);
		assertThat(locations).filteredOn(THROTTLED::equals).hasSize(10);
		assertThat(failureReasonsOf(username, Instant.EPOCH)).containsEntry("bad-credentials", 20)
			.containsEntry("throttled", 10);
	}

	/**
	 * Guesses one account's password every twenty seconds of the test clock for a while,
	 * from a new address each time or from one address.
	 * @return how many of the guesses had their password checked
	 */
	private int guessEveryTwentySeconds(String username, Instant from, Duration during, boolean oneAddress) {
		PortalHttp single = new PortalHttp(this.port);
		int checked = 0;
		for (Instant at = from; at.isBefore(from.plus(during)); at = at.plusSeconds(20)) {
			this.clock.set(at);
			PortalHttp http = oneAddress ? single : new PortalHttp(this.port);
			if ("/login?error".equals(PortalHttp.location(http.login(username, "guess-" + at.getEpochSecond())))) {
				checked++;
			}
		}
		return checked;
	}

	private Map<String, Integer> failureReasonsOf(String username, Instant since) {
		Map<String, Integer> reasons = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select details ->> 'reason', count(*) from audit_event
				where actor = ? and action = 'LOGIN_FAILURE' and occurred_at >= ?
				group by 1
				""")
			.param(username)
			.param(Timestamp.from(since))
			.query((rs, row) -> reasons.put(rs.getString(1), rs.getInt(2)))
			.list();
		return reasons;
	}

}
