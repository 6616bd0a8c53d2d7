package vn.edu.portal.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): the messages of
 * a publication to 1,500 units with three accounts each, written in-app and to the outbox
 * in one transaction; and the outbox delivered to GreenMail over SMTP on 127.0.0.1. Run
 * by {@code bench/notifications.sh}; prints the figures.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
		"portal.notifications.send-every=1h", "portal.notifications.batch-size=200" })
class NotificationBenchmark {

	private static final int UNITS = 1_500;

	private static final int RUNS = 10;

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxSender sender;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void enqueueAPublicationAndDeliverTheOutbox() throws Exception {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		List<Long> units = this.jdbc.sql("""
				insert into unit (code, name, type, parent_id, valid_from)
				select 'NBENCH-' || :department || '-' || n, 'Trường thử ' || n, 'PRIMARY', :parent, date '2010-01-01'
				from generate_series(1, :count) as n returning id
				""")
			.param("department", dept.department)
			.param("parent", dept.districtOne)
			.param("count", UNITS)
			.query(Long.class)
			.list();
		this.jdbc
			.sql("""
					with made as (
					  insert into account (username, password_hash, full_name, email, unit_id)
					  select 'nb.' || u.id || '.' || k, 'x', 'Người thử ' || k, 'nb.' || u.id || '.' || k || '@truong.edu.vn', u.id
					  from unnest(cast(:units as bigint[])) as u(id) cross join generate_series(1, 3) as k
					  returning id, username
					)
					insert into account_role (account_id, role)
					select id, case when username like '%.1' then 'UNIT_LEADER' else 'UNIT_STAFF' end from made
					""")
			.param("units", units.toArray(new Long[0]))
			.update();
		// Everything else in the outbox goes first, so that only these are timed.
		this.sender.sendDue();
		smtp.reset();

		List<Long> millis = new ArrayList<>();
		for (int run = 0; run < RUNS + 2; run++) {
			String number = run + "/SGD&ĐT-CTTT";
			long start = System.nanoTime();
			int written = this.transactions.execute((status) -> this.notifications.send(Audience.unitsOf(units),
					NotificationKind.DIRECTIVE_DELIVERED, false,
					Map.of("number", number, "subject", "Thử", "deadline", "01/12/2026"), "/directives/1"));
			long took = (System.nanoTime() - start) / 1_000_000;
			assertThat(written).isEqualTo(UNITS * 3);
			if (run >= 2) {
				millis.add(took);
			}
		}
		List<Long> sorted = millis.stream().sorted().toList();
		System.out.printf(
				"notifications of a publication to %,d units (%,d accounts, in-app and outbox): min %d ms,"
						+ " median %d ms, max %d ms over %d runs%n",
				UNITS, UNITS * 3, sorted.get(0), sorted.get(RUNS / 2), sorted.get(RUNS - 1), RUNS);

		// The e-mails of one publication are delivered and timed; the other runs' are
		// dropped.
		this.jdbc.sql("""
				delete from outbox_mail where status = 'PENDING'
				  and id not in (select id from outbox_mail where status = 'PENDING' order by id desc limit :keep)
				""").param("keep", UNITS * 3).update();
		int pending = this.jdbc.sql("select count(*) from outbox_mail where status = 'PENDING'")
			.query(Integer.class)
			.single();
		long start = System.nanoTime();
		this.sender.sendDue();
		// The scheduled sender may have taken part: wait for whatever it still holds.
		Instant until = Instant.now().plus(Duration.ofMinutes(5));
		while (this.jdbc.sql("select count(*) from outbox_mail where status in ('PENDING', 'SENDING')")
			.query(Integer.class)
			.single() > 0) {
			assertThat(Instant.now()).as("the outbox is delivered within 5 minutes").isBefore(until);
			Thread.sleep(20);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int sent = smtp.getReceivedMessages().length;
		System.out.printf("outbox to GreenMail over SMTP on 127.0.0.1: %,d e-mails in %.1f s, %.0f per second%n", sent,
				seconds, sent / seconds);
		assertThat(sent).as("each e-mail once").isEqualTo(pending);
	}

}
