package vn.edu.portal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.config.TaskExecutionOutcome;

import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.incident.TestIncidentForms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheduled job run as the scheduler runs it: the task Spring registered, through
 * the bean's proxies (transactions, ShedLock), twice, with the portal's clock set to the
 * moment the job is for. A job added to the portal fails the first test until it is
 * tested here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025", "portal.notifications.send-every=1h" })
@Import(TestClock.Config.class)
class ScheduledJobsTests {

	private static final ZoneId ICT = ZoneId.of("Asia/Ho_Chi_Minh");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	TestDepartment dept;

	@BeforeEach
	void department() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		// A slot is held 30 s at least: one taken by an earlier test, or by the scheduler
		// of
		// a context that ran a job on its own, is ended, as time would.
		this.jdbc.sql("update shedlock set lock_until = now() where lock_until > now()").update();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void everyScheduledJobOfThePortalIsTestedHere() {
		assertThat(tasks().keySet()).containsExactlyInAnyOrder("IncidentRetention.nightly", "Reminders.daily",
				"Reminders.hourly", "Digests.scheduled", "OutboxSender.scheduled",
				"PortalSessionRepository.deleteExpired", "ShortLivedSecrets.sweep");
	}

	@Test
	void expiredDownloadsAndPasskeyRegistrationsAreSweptOncePerSlotAndLiveOnesKept() {
		byte[] expired = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
		byte[] live = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
		byte[] later = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
		insertCredentials(expired, "now() - interval '1 minute'");
		insertCredentials(live, "now() + interval '10 minutes'");
		this.jdbc
			.sql("insert into passkey_registration (key_hash, options, expires_at) "
					+ "values (?, '{}'::jsonb, now() - interval '1 minute')")
			.param(expired)
			.update();
		this.jdbc.sql("update shedlock set lock_until = now() where name = 'short-lived-secrets'").update();

		run("ShortLivedSecrets.sweep");
		insertCredentials(later, "now() - interval '1 minute'");
		run("ShortLivedSecrets.sweep");

		assertThat(count("select count(*) from import_credentials where token_hash = ?", expired)).isZero();
		assertThat(count("select count(*) from passkey_registration where key_hash = ?", expired)).isZero();
		assertThat(count("select count(*) from import_credentials where token_hash = ?", live)).as("still valid")
			.isOne();
		assertThat(count("select count(*) from import_credentials where token_hash = ?", later))
			.as("the second run in the same slot did nothing")
			.isOne();
		this.jdbc.sql("delete from import_credentials where token_hash in (?, ?)").params(live, later).update();
	}

	private void insertCredentials(byte[] tokenHash, String expiry) {
		this.jdbc
			.sql("insert into import_credentials (token_hash, administrator_id, content, expires_at) "
					+ "select ?, id, '\\x00'::bytea, " + expiry + " from account where username = 'admin'")
			.param(tokenHash)
			.update();
	}

	@Test
	void expiredSessionsAreDeletedAndLiveOnesKept() {
		PortalHttp leader = new PortalHttp(this.port);
		leader.login(this.people.account(this.dept.schoolOfDistrictOne, Role.UNIT_LEADER), TestPeople.PASSWORD);
		PortalHttp idle = new PortalHttp(this.port);
		idle.login(this.people.account(this.dept.schoolOfDistrictOne, Role.UNIT_LEADER), TestPeople.PASSWORD);
		String idleId = new String(Base64.getDecoder().decode(idle.sessionId()), StandardCharsets.US_ASCII);
		this.jdbc.sql("update spring_session set expiry_time = expiry_time - 3600000 where session_id = ?")
			.param(idleId)
			.update();

		run("PortalSessionRepository.deleteExpired");

		assertThat(count("select count(*) from spring_session where session_id = ?", idleId)).isZero();
		assertThat(leader.get("/inbox").statusCode()).as("a live session goes on").isEqualTo(200);
		assertThat(PortalHttp.location(idle.get("/inbox"))).as("an expired one signs in again").endsWith("/login");
	}

	@Test
	void theNightlyRetentionErasesOnceAndRecordsItsWork() {
		String school = this.people.account(this.dept.schoolOfDistrictOne, Role.UNIT_LEADER);
		PortalHttp leader = new PortalHttp(this.port);
		leader.login(school, TestPeople.PASSWORD);
		leader.get("/incidents/new");
		long id = Long.parseLong(
				PortalHttp.location(leader.multipart("/incidents/new", incident("Nguyễn Văn A"), "evidence", Map.of()))
					.replaceAll("\\D", ""));
		this.jdbc.sql("""
				update incident set status = 'CLOSED', reviewer_id = reporter_id, accepted_at = submitted_at,
				       resolution = 'CONTENT_REMOVED', resolved_at = submitted_at, closed_at = ?
				where id = ?
				""").params(Timestamp.from(Instant.now().minus(Duration.ofDays(6 * 366))), id).update();

		run("IncidentRetention.nightly");
		run("IncidentRetention.nightly");

		assertThat(count("select count(*) from incident_names where incident_id = ?", id)).isZero();
		assertThat(count("select count(*) from incident where id = ? and restricted_erased_at is not null", id))
			.as("the erasure is recorded")
			.isOne();
		assertThat(count("""
				select count(*) from audit_event
				where action = 'INCIDENT_RESTRICTED_ERASED' and (details ->> 'incident')::bigint = ?
				""", id)).as("erased once, audited once").isOne();
		assertThat(count("select count(*) from shedlock where name = 'incident-retention'", 0)).isOne();
	}

	@Test
	void theDailyRemindersGoOnTheDayOfTheDeadlineOnce() {
		String school = this.people.account(this.dept.schoolOfDistrictOne, Role.UNIT_LEADER);
		long directive = this.directives.publishSampleTo(this.dept, List.of(this.dept.schoolOfDistrictOne),
				LocalDate.now(ICT));
		// A Monday with no holiday around it, at seven in the morning.
		LocalDate monday = LocalDate.of(2027, 3, 15);
		this.jdbc.sql("update assignment set acknowledge_by = ? where directive_id = ?")
			.params(monday, directive)
			.update();
		this.clock.set(monday.atTime(7, 0).atZone(ICT).toInstant());

		run("Reminders.daily");
		run("Reminders.daily");

		assertThat(kinds(school)).containsExactly("DIRECTIVE_DELIVERED", "REMINDER_DUE");
	}

	@Test
	void theHourlyRemindersChaseAFlashDirectiveNotAcknowledgedInTime() {
		String school = this.people.account(this.dept.upperSecondaryOne, Role.UNIT_LEADER);
		long directive = this.directives.publishFlashTo(this.dept, List.of(this.dept.upperSecondaryOne),
				LocalDate.now(ICT));
		Instant now = Instant.now();
		this.jdbc.sql("update assignment set acknowledge_before = ? where directive_id = ?")
			.params(Timestamp.from(now.minus(Duration.ofMinutes(10))), directive)
			.update();
		this.clock.set(now);

		run("Reminders.hourly");
		run("Reminders.hourly");

		assertThat(kinds(school)).containsExactly("DIRECTIVE_DELIVERED", "REMINDER_OVERDUE");
	}

	@Test
	void theDigestOfTheHourIsQueuedAndTheOutboxSendsIt() throws Exception {
		String school = this.people.account(this.dept.upperSecondaryTwo, Role.UNIT_LEADER);
		this.jdbc.sql("update account set email = ? where username = ?")
			.params(school + "@truong.edu.vn", school)
			.update();
		this.jdbc.sql("""
				insert into notification_preference (account_id, email_mode, digest_hour)
				select id, 'DIGEST', 9 from account where username = ?
				""").param(school).update();
		this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryTwo), LocalDate.now(ICT));
		// The next 9 o'clock: a digest holds the day before its hour, so after midnight
		// it is today's.
		ZonedDateTime now = ZonedDateTime.now(ICT);
		ZonedDateTime nine = now.toLocalDate().atTime(9, 0, 30).atZone(ICT);
		this.clock.set((nine.isAfter(now) ? nine : nine.plusDays(1)).toInstant());

		run("Digests.scheduled");
		run("Digests.scheduled");
		assertThat(count("""
				select count(*) from outbox_mail o join account a on a.id = o.account_id
				where a.username = ? and o.digest_until is not null
				""", school)).as("one digest for the hour").isOne();

		run("OutboxSender.scheduled");
		run("OutboxSender.scheduled");
		assertThat(smtp.getReceivedMessagesForDomain("truong.edu.vn")).hasSize(1);
		assertThat(count("""
				select count(*) from outbox_mail o join account a on a.id = o.account_id
				where a.username = ? and o.status = 'SENT'
				""", school)).isOne();
	}

	/** Runs a scheduled task as the scheduler does, and fails if it failed. */
	private void run(String name) {
		Task task = tasks().get(name);
		task.getRunnable().run();
		assertThat(task.getLastExecutionOutcome().status()).as(name).isEqualTo(TaskExecutionOutcome.Status.SUCCESS);
	}

	/** The portal's scheduled tasks, by class and method name. */
	private Map<String, Task> tasks() {
		return this.context.getBeansOfType(ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.map(ScheduledTask::getTask)
			.filter((task) -> task.toString().startsWith("vn.edu.portal."))
			.collect(Collectors.toMap(ScheduledJobsTests::shortName, (task) -> task, (a, b) -> a, LinkedHashMap::new));
	}

	private static String shortName(Task task) {
		String[] parts = task.toString().split("\\.");
		return parts[parts.length - 2] + "." + parts[parts.length - 1];
	}

	private static Map<String, String> incident(String names) {
		Map<String, String> form = TestIncidentForms.form(UUID.randomUUID(),
				"https://www.facebook.com/tintuc/posts/" + UUID.randomUUID(), 2, 3);
		form.put("names", names);
		form.put("action", "submit");
		return form;
	}

	private List<String> kinds(String username) {
		return this.jdbc.sql("""
				select n.kind from notification n join account a on a.id = n.account_id where a.username = ?
				order by n.id
				""").param(username).query(String.class).list();
	}

	private int count(String sql, Object param) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		if (sql.contains("?")) {
			statement = statement.param(param);
		}
		return statement.query(Integer.class).single();
	}

}
