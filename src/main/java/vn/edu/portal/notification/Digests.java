package vn.edu.portal.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.edu.portal.system.Formats;

/**
 * The daily digests: every hour, each account that takes one at this hour (Việt Nam time)
 * gets one e-mail with what reached it since its last digest, if anything did.
 */
@Component
class Digests {

	private static final Log logger = LogFactory.getLog(Digests.class);

	private final JdbcClient jdbc;

	private final Formats formats;

	private final Clock clock;

	Digests(JdbcClient jdbc, Formats formats, Clock clock) {
		this.jdbc = jdbc;
		this.formats = formats;
		this.clock = clock;
	}

	@Scheduled(cron = "${portal.notifications.digest-cron:0 0 * * * *}", zone = "Asia/Ho_Chi_Minh")
	@SchedulerLock(name = "digests", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
	void scheduled() {
		long began = System.nanoTime();
		int queued = make(this.clock.instant());
		logger
			.info("Scheduled job digests: " + queued + " queued in " + (System.nanoTime() - began) / 1_000_000 + " ms");
	}

	/**
	 * Queues the digests of the hour that {@code now} falls in; once per account and
	 * hour, however often it runs.
	 * @return how many digests were queued
	 */
	int make(Instant now) {
		ZonedDateTime hour = now.atZone(this.formats.zone()).truncatedTo(ChronoUnit.HOURS);
		return this.jdbc.sql("""
				insert into outbox_mail (account_id, digest_until)
				select p.account_id, :until from notification_preference p join account a on a.id = p.account_id
				where p.email_mode = 'DIGEST' and p.digest_hour = :hour and a.enabled
				  and a.email is not null and a.email <> ''
				  and exists (select 1 from notification n where n.account_id = p.account_id and n.created_at <= :until
				              and n.created_at > coalesce((select max(o.digest_until) from outbox_mail o
				                                           where o.account_id = p.account_id),
				                                          cast(:until as timestamptz) - interval '1 day'))
				on conflict do nothing
				""").param("until", Timestamp.from(hour.toInstant())).param("hour", hour.getHour()).update();
	}

}
