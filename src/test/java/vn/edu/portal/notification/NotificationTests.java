package vn.edu.portal.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications as GreenMail receives them over SMTP: the right people get each message,
 * nothing is lost while SMTP is down and nothing goes twice, an interrupted sending is
 * not repeated on its own, digests, and reminders on working days, once each however many
 * instances run the jobs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025", "portal.notifications.send-every=1h" })
class NotificationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

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
	OutboxSender sender;

	@Autowired
	Digests digests;

	@Autowired
	Reminders reminders;

	@Autowired
	List<ScheduledTaskHolder> schedulers;

	TestDepartment dept;

	String schoolStaff;

	@BeforeEach
	void department() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		this.schoolStaff = this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF);
		for (String username : List.of(this.dept.officer, this.dept.leader, this.dept.schoolLeader,
				this.dept.districtLeader, this.schoolStaff)) {
			this.jdbc.sql("update account set email = username || '@truong.edu.vn' where username = ?")
				.param(username)
				.update();
		}
	}

	@Test
	void aPublicationReachesEveryoneOfTheRecipientUnitsAndNobodyElse() throws Exception {
		long directive = this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne),
				this.formats.today());

		assertThat(kinds(this.dept.schoolLeader)).containsExactly("DIRECTIVE_DELIVERED");
		assertThat(kinds(this.schoolStaff)).containsExactly("DIRECTIVE_DELIVERED");
		assertThat(kinds(this.dept.districtLeader)).isEmpty();
		assertThat(kinds(this.dept.officer)).isEmpty();
		this.sender.sendDue();

		List<MimeMessage> received = to(this.dept.schoolLeader);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getSubject()).startsWith("Văn bản mới 01/SGD&ĐT-CTTT");
		String body = text(received.get(0));
		assertThat(body).contains("Kính gửi", "/directives/" + directive);
		assertThat(to(this.schoolStaff)).hasSize(1);
		assertThat(to(this.dept.districtLeader)).isEmpty();
		assertThat(status(this.dept.schoolLeader)).containsExactly("SENT");
	}

	/**
	 * Each reader's page shows their own messages and preference as they are now: a
	 * message read, a preference saved and another language show at the next view.
	 */
	@Test
	void theNotificationsPageShowsEachMessageAndThePreferenceAsTheyAreNow() {
		this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne), this.formats.today());
		long message = this.jdbc
			.sql("select id from notification where account_id = " + "(select id from account where username = ?)")
			.param(this.dept.schoolLeader)
			.query(Long.class)
			.single();
		PortalHttp school = new PortalHttp(this.port);
		school.login(this.dept.schoolLeader, TestPeople.PASSWORD);
		PortalHttp colleague = new PortalHttp(this.port);
		colleague.login(this.schoolStaff, TestPeople.PASSWORD);

		for (PortalHttp reader : List.of(school, colleague, school)) {
			Document page = Jsoup.parse(reader.get("/notifications").body());
			assertThat(page.select("main li.portal-unread a").text()).startsWith("Văn bản mới 01/SGD&ĐT-CTTT");
			assertThat(page.select("main li .badge").text()).isEqualTo("Chưa đọc");
			assertThat(page.select("input[name=mode][checked]").val()).isEqualTo("ALL");
			assertThat(page.select("select#hour option[selected]").text()).isEqualTo("07:00");
		}
		assertThat(school.get("/notifications/" + message).statusCode()).isEqualTo(302);
		assertThat(school.post("/notifications/preference", Map.of("mode", "DIGEST", "hour", "6")).statusCode())
			.isEqualTo(302);

		Document read = Jsoup.parse(school.get("/notifications").body());
		assertThat(read.select("a[href='/notifications/" + message + "']").text()).startsWith("Văn bản mới");
		assertThat(read.select("main li.portal-unread")).as("read").isEmpty();
		assertThat(read.select("main li .badge")).isEmpty();
		assertThat(read.select("input[name=mode][checked]").val()).isEqualTo("DIGEST");
		assertThat(read.select("select#hour option[selected]").text()).isEqualTo("06:00");
		Document others = Jsoup.parse(colleague.get("/notifications").body());
		assertThat(others.select("main li .badge").text()).as("the colleague's own message").isEqualTo("Chưa đọc");
		assertThat(others.select("input[name=mode][checked]").val()).isEqualTo("ALL");
		Document english = Jsoup.parse(colleague.get("/notifications?lang=en").body());
		assertThat(english.select("main li .badge").text()).isEqualTo("Unread");
		assertThat(english.select("label[for=mode-DIGEST]").text()).isEqualTo("One digest a day");
	}

	@Test
	void theMessagesAndThePreferenceAreReadTogetherWhateverTheReaderHas() {
		PortalHttp colleague = new PortalHttp(this.port);
		colleague.login(this.schoolStaff, TestPeople.PASSWORD);
		colleague.get("/notifications");
		assertThat(colleague.post("/notifications/preference", Map.of("mode", "URGENT", "hour", "9")).statusCode())
			.isEqualTo(302);

		Document none = Jsoup.parse(colleague.get("/notifications").body());
		assertThat(none.select("main p").text()).as("no message yet").contains("Chưa có thông báo nào.");
		assertThat(none.select("main li.list-group-item")).isEmpty();
		assertThat(none.select("input[name=mode][checked]").val()).as("the preference alone").isEqualTo("URGENT");
		assertThat(none.select("select#hour option[selected]").text()).isEqualTo("09:00");

		this.jdbc.sql("""
				insert into notification (account_id, kind, urgent, args, link, created_at)
				select a.id, 'DIRECTIVE_DELIVERED', n = 31, '{}'::jsonb, '/inbox', now() - n * interval '1 minute'
				from account a, generate_series(1, 31) n where a.username = ?
				""").param(this.schoolStaff).update();
		Document first = Jsoup.parse(colleague.get("/notifications").body());
		assertThat(first.select("main li.list-group-item")).hasSize(NotificationInbox.PAGE_SIZE);
		assertThat(first.select("main li .badge.text-bg-danger")).as("the oldest, urgent, is on the next page")
			.isEmpty();
		assertThat(first.select("ul.pagination a:containsOwn(Trang sau)").attr("href")).endsWith("page=1");
		assertThat(first.select("input[name=mode][checked]").val()).isEqualTo("URGENT");
		Document second = Jsoup.parse(colleague.get("/notifications?page=1").body());
		assertThat(second.select("main li.list-group-item")).hasSize(1);
		assertThat(second.select("ul.pagination li.disabled").text()).as("no page after it").isEqualTo("Trang sau");
		assertThat(second.select("main li .badge.text-bg-danger").text()).isEqualTo("Khẩn");
		assertThat(second.select("input[name=mode][checked]").val()).isEqualTo("URGENT");
		Document past = Jsoup.parse(colleague.get("/notifications?page=7").body());
		assertThat(past.select("main li.list-group-item")).isEmpty();
		assertThat(past.select("select#hour option[selected]").text()).as("past the last page").isEqualTo("09:00");

		PortalHttp school = new PortalHttp(this.port);
		school.login(this.dept.schoolLeader, TestPeople.PASSWORD);
		Document other = Jsoup.parse(school.get("/notifications").body());
		assertThat(other.select("main li.list-group-item")).as("another reader's messages").isEmpty();
		assertThat(other.select("input[name=mode][checked]").val()).as("no preference saved").isEqualTo("ALL");
		assertThat(other.select("select#hour option[selected]").text()).isEqualTo("07:00");
	}

	/**
	 * A message opens only for its own account and only onto a page of the portal; a
	 * preference out of range is refused with the reason and saves nothing.
	 */
	@Test
	void aMessageOpensForItsOwnReaderOnlyOntoThePortalAndABadPreferenceSavesNothing() {
		long own = message(this.schoolStaff, "/inbox");
		long offPortal = message(this.schoolStaff, "//evil.example/phish");
		PortalHttp colleague = new PortalHttp(this.port);
		colleague.login(this.schoolStaff, TestPeople.PASSWORD);
		PortalHttp school = new PortalHttp(this.port);
		school.login(this.dept.schoolLeader, TestPeople.PASSWORD);

		assertThat(school.get("/notifications/" + own).statusCode()).as("another reader's message").isEqualTo(404);
		assertThat(unread(own)).as("left unread by another reader").isTrue();
		HttpResponse<String> opened = colleague.get("/notifications/" + own);
		assertThat(PortalHttp.location(opened)).isEqualTo("/inbox");
		assertThat(unread(own)).isFalse();
		assertThat(colleague.get("/notifications/" + own).statusCode()).as("opened twice").isEqualTo(302);
		assertThat(colleague.get("/notifications/" + offPortal).statusCode()).as("a link off the portal")
			.isEqualTo(404);

		colleague.get("/notifications");
		colleague.post("/notifications/preference", Map.of("mode", "DIGEST", "hour", "24"));
		Document refused = Jsoup.parse(colleague.get("/notifications").body());
		assertThat(refused.text()).contains("Hãy chọn cách nhận thư và một giờ từ 0 đến 23.");
		assertThat(this.jdbc.sql("""
				select count(*) from notification_preference p join account a on a.id = p.account_id
				where a.username = ?
				""").param(this.schoolStaff).query(Integer.class).single()).isZero();
	}

	private long message(String username, String link) {
		return this.jdbc.sql("""
				insert into notification (account_id, kind, urgent, args, link)
				select a.id, 'DIRECTIVE_DELIVERED', false, '{}'::jsonb, ? from account a where a.username = ?
				returning id
				""").params(link, username).query(Long.class).single();
	}

	private boolean unread(long id) {
		return this.jdbc.sql("select read_at is null from notification where id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	@Test
	void aStoppingInstanceClaimsNothingMoreAndTheQueueWaitsForAnother() {
		this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne), this.formats.today());
		assertThat(this.sender.isRunning()).isTrue();
		try {
			this.sender.stop();

			assertThat(this.sender.sendDue()).isZero();
			assertThat(status(this.dept.schoolLeader)).containsExactly("PENDING");
			assertThat(to(this.dept.schoolLeader)).isEmpty();
		}
		finally {
			this.sender.start();
		}
		this.sender.sendDue();
		assertThat(status(this.dept.schoolLeader)).as("sent by the next one").containsExactly("SENT");
		assertThat(to(this.dept.schoolLeader)).hasSize(1);
	}

	@Test
	void anUrgentIncidentReachesTheDepartmentAtOnceWithoutItsNames() throws Exception {
		PortalHttp leader = new PortalHttp(this.port);
		leader.login(this.dept.schoolLeader, TestPeople.PASSWORD);
		leader.get("/incidents/new");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("formKey", UUID.randomUUID().toString());
		form.put("version", "0");
		form.put("detectedAt",
				ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"))
					.minusHours(1)
					.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
		form.put("platform", "FACEBOOK");
		form.put("urls", "https://www.facebook.com/x/posts/4040");
		form.put("category", "DDTH");
		form.put("severity", "4");
		form.put("summary", "Đe dọa đánh học sinh tại cổng trường.");
		form.put("names", "Nguyễn Bí Mật");
		form.put("action", "submit");
		leader.multipart("/incidents/new", form, "evidence", Map.of());

		assertThat(kinds(this.dept.officer)).containsExactly("INCIDENT_SUBMITTED");
		assertThat(kinds(this.dept.leader)).containsExactly("INCIDENT_SUBMITTED");
		assertThat(kinds(this.dept.districtLeader)).isEmpty();
		this.sender.sendDue();
		MimeMessage mail = to(this.dept.officer).get(0);
		assertThat(text(mail)).contains("Khẩn", "/incidents/").doesNotContain("Nguyễn Bí Mật");
		assertThat(mail.getSubject()).contains("mức 4").doesNotContain("Nguyễn Bí Mật");
	}

	@Test
	void theSchedulerNeverSendsInTheMiddleOfTheseTests() {
		// They send on demand: a scheduled run in between would take their mails first.
		assertThat(this.schedulers.stream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.map(ScheduledTask::getTask)
			.filter((task) -> task.toString().endsWith("OutboxSender.scheduled"))
			.map((task) -> ((FixedDelayTask) task).getInitialDelayDuration())).containsExactly(Duration.ofHours(1));
	}

	@Test
	void mailWaitsWhileSmtpIsDownAndGoesOnceWhenItIsBack() throws Exception {
		this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne), this.formats.today());
		smtp.stop();
		this.sender.sendDue();
		assertThat(status(this.dept.schoolLeader)).containsExactly("PENDING");
		assertThat(this.jdbc.sql("""
				select attempts from outbox_mail o join account a on a.id = o.account_id where a.username = ?
				""").param(this.dept.schoolLeader).query(Integer.class).single()).isOne();
		this.sender.sendDue();
		assertThat(status(this.dept.schoolLeader)).as("not tried again before its wait").containsExactly("PENDING");

		smtp.start();
		this.jdbc.sql("update outbox_mail set next_attempt_at = now() where status = 'PENDING'").update();
		this.sender.sendDue();
		this.sender.sendDue();
		assertThat(to(this.dept.schoolLeader)).hasSize(1);
		assertThat(status(this.dept.schoolLeader)).containsExactly("SENT");
	}

	@Test
	void anInterruptedSendingIsNotRepeatedOnItsOwnAndTheAdministratorMaySendItAgain() throws Exception {
		this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne), this.formats.today());
		// A sender claimed it and stopped before marking it sent: SMTP may have had it.
		this.jdbc.sql("""
				update outbox_mail set status = 'SENDING', attempts = 1, claimed_until = now() - interval '1 minute'
				where account_id = (select id from account where username = ?)
				""").param(this.dept.schoolLeader).update();

		this.sender.sendDue();
		assertThat(to(this.dept.schoolLeader)).isEmpty();
		assertThat(status(this.dept.schoolLeader)).containsExactly("UNCERTAIN");

		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		String page = admin.get("/admin/outbox").body();
		assertThat(page).contains("Bị gián đoạn khi gửi", "chưa rõ thư đã đi hay chưa",
				this.dept.schoolLeader + "@truong.edu.vn");
		long id = this.jdbc.sql("""
				select o.id from outbox_mail o join account a on a.id = o.account_id where a.username = ?
				""").param(this.dept.schoolLeader).query(Long.class).single();
		admin.post("/admin/outbox/" + id + "/retry", Map.of());
		this.sender.sendDue();
		assertThat(to(this.dept.schoolLeader)).hasSize(1);
	}

	@Test
	void aBadAddressFailsForTheAdministratorAndTheQueueGoesOn() throws Exception {
		this.jdbc.sql("update account set email = 'khong-phai-dia-chi' where username = ?")
			.param(this.schoolStaff)
			.update();
		try {
			this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne), this.formats.today());
			this.sender.sendDue();
			assertThat(status(this.schoolStaff)).containsExactly("FAILED");
			assertThat(to(this.dept.schoolLeader)).hasSize(1);
			assertThat(this.jdbc.sql("select reason from mail_address_problem where address = 'khong-phai-dia-chi'")
				.query(String.class)
				.single()).isEqualTo("INVALID_ADDRESS");
		}
		finally {
			// Other tests export every account and import it again: no account keeps a
			// bad address.
			this.jdbc.sql("update account set email = null where username = ?").param(this.schoolStaff).update();
		}
	}

	@Test
	void twoSendersAtOnceSendEachMailOnce() throws Exception {
		List<Long> schools = List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo, this.dept.centre,
				this.dept.schoolOfDistrictOne);
		for (long school : schools) {
			for (int i = 0; i < 5; i++) {
				String username = this.people.account(school, Role.UNIT_STAFF);
				this.jdbc.sql("update account set email = username || '@truong.edu.vn' where username = ?")
					.param(username)
					.update();
			}
		}
		this.directives.publishSampleTo(this.dept, schools, this.formats.today());
		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(this.sender::sendDue);
		CompletableFuture<Integer> two = CompletableFuture.supplyAsync(this.sender::sendDue);
		int sent = one.get(1, TimeUnit.MINUTES) + two.get(1, TimeUnit.MINUTES);
		long ours = Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().startsWith("t");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
		assertThat(sent).isEqualTo(smtp.getReceivedMessages().length);
		assertThat(ours).isGreaterThanOrEqualTo(21);
		assertThat(
				this.jdbc.sql("select count(*) from outbox_mail where status = 'SENT'").query(Integer.class).single())
			.isGreaterThanOrEqualTo(smtp.getReceivedMessages().length);
		List<String> addresses = Arrays.stream(smtp.getReceivedMessages()).map((message) -> {
			try {
				return message.getAllRecipients()[0].toString() + message.getSubject();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(addresses).doesNotHaveDuplicates();
	}

	@Test
	void aDigestAccountGetsOneMailAtItsHourWithEverything() throws Exception {
		ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		int hour = now.plusHours(1).getHour();
		long account = this.jdbc.sql("select id from account where username = ?")
			.param(this.dept.schoolLeader)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("insert into notification_preference (account_id, email_mode, digest_hour) values (?, 'DIGEST', ?)")
			.params(account, hour)
			.update();
		this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne), this.formats.today());
		this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne), this.formats.today());
		assertThat(kinds(this.dept.schoolLeader)).hasSize(2);
		assertThat(status(this.dept.schoolLeader)).as("no e-mail of its own for each").isEmpty();

		Instant atTheHour = now.plusHours(1).truncatedTo(ChronoUnit.HOURS).plusMinutes(1).toInstant();
		assertThat(this.digests.make(now.toInstant())).as("not its hour").isZero();
		this.digests.make(atTheHour);
		this.digests.make(atTheHour);
		this.sender.sendDue();

		List<MimeMessage> received = to(this.dept.schoolLeader);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getSubject()).isEqualTo("Tổng hợp thông báo trong ngày (2)");
		assertThat(text(received.get(0))).contains("01/SGD&amp;ĐT-CTTT", "02/SGD&amp;ĐT-CTTT");
	}

	@Test
	void remindersGoTwoWorkingDaysBeforeOnTheDayOverdueAndUpTheTreeOnce() throws Exception {
		String school = this.people.account(this.dept.schoolOfDistrictOne, Role.UNIT_LEADER);
		long directive = this.directives.publishSampleTo(this.dept, List.of(this.dept.schoolOfDistrictOne),
				this.formats.today());
		// A Monday with no holiday around it.
		LocalDate monday = LocalDate.of(2027, 3, 15);
		this.jdbc.sql("update assignment set acknowledge_by = ? where directive_id = ?")
			.params(monday, directive)
			.update();

		this.reminders.remind(LocalDate.of(2027, 3, 10));
		assertThat(kinds(school)).containsOnly("DIRECTIVE_DELIVERED");
		this.reminders.remind(LocalDate.of(2027, 3, 11));
		this.reminders.remind(LocalDate.of(2027, 3, 11));
		assertThat(kinds(school)).containsExactly("DIRECTIVE_DELIVERED", "REMINDER_BEFORE");
		this.reminders.remind(LocalDate.of(2027, 3, 13));
		this.reminders.remind(LocalDate.of(2027, 3, 15));
		this.reminders.remind(LocalDate.of(2027, 3, 16));
		this.reminders.remind(LocalDate.of(2027, 3, 17));
		assertThat(kinds(school)).containsExactly("DIRECTIVE_DELIVERED", "REMINDER_BEFORE", "REMINDER_DUE",
				"REMINDER_OVERDUE");
		assertThat(kinds(this.dept.districtLeader)).as("not yet 3 working days late").isEmpty();

		CompletableFuture<Integer> one = CompletableFuture
			.supplyAsync(() -> this.reminders.remind(LocalDate.of(2027, 3, 18)));
		CompletableFuture<Integer> two = CompletableFuture
			.supplyAsync(() -> this.reminders.remind(LocalDate.of(2027, 3, 18)));
		one.get(1, TimeUnit.MINUTES);
		two.get(1, TimeUnit.MINUTES);
		assertThat(kinds(this.dept.districtLeader)).containsExactly("REMINDER_ESCALATED");
		assertThat(kinds(this.dept.officer)).as("the Department's officers: the day's summary")
			.containsExactly("REMINDER_ESCALATED_SUMMARY");
		assertThat(kinds(school)).as("the unit is not reminded again").hasSize(4);

		this.jdbc
			.sql("update assignment set acknowledged_at = now(), acknowledged_by = "
					+ "(select id from account where username = ?), acknowledged_late = true where directive_id = ?")
			.params(school, directive)
			.update();
		this.sender.sendDue();
		assertThat(to(this.dept.districtLeader).get(0).getSubject()).contains("Quá hạn 3 ngày làm việc",
				"Trường THCS Một");
	}

	@Test
	void escalationsReachTheOfficersAsOneSummaryPerDayAndTheLeadersAboveOneByOne() {
		// A Monday with no holiday around it; three working days later the deadlines go
		// up.
		LocalDate monday = LocalDate.of(2027, 3, 15);
		for (int i = 0; i < 3; i++) {
			long directive = this.directives.publishSampleTo(this.dept,
					List.of(this.dept.schoolOfDistrictOne, this.dept.upperSecondaryOne), this.formats.today());
			this.jdbc.sql("update assignment set acknowledge_by = ?, due_on = null where directive_id = ?")
				.params(monday, directive)
				.update();
		}

		this.reminders.remind(LocalDate.of(2027, 3, 18));
		this.reminders.remind(LocalDate.of(2027, 3, 18));

		assertThat(kinds(this.dept.officer)).as("one summary, however many deadlines")
			.containsExactly("REMINDER_ESCALATED_SUMMARY");
		assertThat(this.jdbc.sql("""
				select (n.args ->> 'count') || ' ' || (n.args ->> 'units') from notification n
				join account a on a.id = n.account_id where a.username = ? and n.kind = 'REMINDER_ESCALATED_SUMMARY'
				""").param(this.dept.officer).query(String.class).single()).isEqualTo("6 2");
		assertThat(kinds(this.dept.districtLeader)).as("the leader above: each late deadline of the school below")
			.containsExactly("REMINDER_ESCALATED", "REMINDER_ESCALATED", "REMINDER_ESCALATED");
	}

	@Test
	void aFirstRunOnYearsOfOverdueHistorySendsTheUnitOneSummaryNotAFlood() {
		String school = this.people.account(this.dept.schoolOfDistrictOne, Role.UNIT_LEADER);
		this.jdbc.sql("update account set email = username || '@truong.edu.vn' where username = ?")
			.param(school)
			.update();
		// Two years of directives the unit never acknowledged, as an import or a restore
		// leaves them, and one that became overdue yesterday.
		List<Long> old = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			long directive = this.directives.publishSampleTo(this.dept, List.of(this.dept.schoolOfDistrictOne),
					this.formats.today());
			this.jdbc
				.sql("update assignment set acknowledge_by = ?, due_on = case when due_on is null then null else ? end"
						+ " where directive_id = ?")
				.params(LocalDate.of(2025, 3, 3).plusWeeks(8L * i), LocalDate.of(2025, 3, 3).plusWeeks(8L * i),
						directive)
				.update();
			old.add(directive);
		}
		long recent = this.directives.publishSampleTo(this.dept, List.of(this.dept.schoolOfDistrictOne),
				this.formats.today());
		LocalDate wednesday = LocalDate.of(2027, 3, 17);
		this.jdbc.sql("update assignment set acknowledge_by = ?, due_on = null where directive_id = ?")
			.params(wednesday.minusDays(1), recent)
			.update();
		int longPast = this.jdbc
			.sql("""
					select count(*) + count(due_on) from assignment where unit_id = ? and directive_id in (:old)
					""".replace(":old",
					old.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))))
			.param(this.dept.schoolOfDistrictOne)
			.query(Integer.class)
			.single();

		this.reminders.remind(wednesday);
		this.reminders.remind(wednesday);
		this.reminders.remind(wednesday.plusDays(1));

		assertThat(kinds(school)).filteredOn((kind) -> kind.startsWith("REMINDER"))
			.as("the deadline of yesterday on its own, the long past ones summed up once")
			.containsExactlyInAnyOrder("REMINDER_OVERDUE", "REMINDER_BACKLOG");
		assertThat(this.jdbc.sql("""
				select n.args ->> 'count' from notification n join account a on a.id = n.account_id
				where a.username = ? and n.kind = 'REMINDER_BACKLOG'
				""").param(school).query(String.class).single()).isEqualTo(String.valueOf(longPast));
		assertThat(kinds(this.dept.districtLeader)).as("nothing long past goes up the tree one by one").isEmpty();
		assertThat(kinds(this.dept.officer)).isEmpty();

		this.sender.sendDue();
		assertThat(to(school)).extracting(MimeMessage::getSubject)
			.filteredOn((subject) -> subject.startsWith("Quá hạn") || subject.startsWith("Tồn đọng"))
			.containsExactlyInAnyOrder(
					"Quá hạn: chưa xác nhận tiếp nhận văn bản " + number(recent) + " (hạn " + "16/03/2027)",
					"Tồn đọng: Trường THCS Một có " + longPast
							+ " hạn đã quá từ lâu (văn bản chưa tiếp nhận hoặc báo cáo chưa nộp), xem trong Văn bản đến");
	}

	private String number(long directive) {
		return this.jdbc
			.sql("select " + vn.edu.portal.directive.DirectiveCatalog.NUMBER_AND_SYMBOL_SQL
					+ " from directive d where d.id = ?")
			.param(directive)
			.query(String.class)
			.single();
	}

	/** The decoded text of every text part of a message, its HTML and its plain text. */
	static String text(jakarta.mail.Part part) {
		try {
			if (part.isMimeType("text/*")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					text.append(text(multipart.getBodyPart(i))).append('\n');
				}
				return text.toString();
			}
			return "";
		}
		catch (jakarta.mail.MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> kinds(String username) {
		return this.jdbc.sql("""
				select n.kind from notification n join account a on a.id = n.account_id where a.username = ?
				order by n.id
				""").param(username).query(String.class).list();
	}

	private List<String> status(String username) {
		return this.jdbc.sql("""
				select o.status from outbox_mail o join account a on a.id = o.account_id where a.username = ?
				order by o.id
				""").param(username).query(String.class).list();
	}

	private List<MimeMessage> to(String username) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(username + "@truong.edu.vn");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
