package vn.edu.portal.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.Formats;

/**
 * The nightly erasing of what is personal in old incidents (domain.md §7): when an
 * incident has been closed for {@code portal.incidents.retention-years} years, its names
 * and evidence files are erased; its category, severity, dates, units and workflow stay,
 * so the statistics do not change. Forms never saved lose their files after a week.
 */
@Component
class IncidentRetention {

	private static final Logger log = LoggerFactory.getLogger(IncidentRetention.class);

	private final JdbcClient jdbc;

	private final IncidentRepository incidents;

	private final RestrictedPart restricted;

	private final IncidentEvidence evidence;

	private final IncidentProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final Formats formats;

	private final TransactionTemplate transactions;

	IncidentRetention(JdbcClient jdbc, IncidentRepository incidents, RestrictedPart restricted,
			IncidentEvidence evidence, IncidentProperties properties, AuditLog audit, Clock clock, Formats formats,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.restricted = restricted;
		this.evidence = evidence;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
		this.formats = formats;
		this.transactions = transactions;
	}

	/**
	 * The nightly run, on one instance at a time. The erasing of each night is one
	 * transaction (a call through {@code this} would bypass a {@code @Transactional}
	 * proxy, and the erasure marker would never be saved).
	 */
	@Scheduled(cron = "${portal.incidents.retention-cron:0 30 2 * * *}", zone = "${portal.time-zone:Asia/Ho_Chi_Minh}")
	@SchedulerLock(name = "incident-retention", lockAtMostFor = "PT2H", lockAtLeastFor = "PT30S")
	void nightly() {
		long began = System.nanoTime();
		int erased = this.transactions.execute((status) -> eraseExpired());
		int forms = this.evidence.forgetAbandonedForms();
		log.info("Scheduled job incident-retention: erased the names and evidence of {} incidents, forgot {} unsaved"
				+ " forms in {} ms", erased, forms, (System.nanoTime() - began) / 1_000_000);
	}

	/**
	 * Erases the names and evidence of incidents closed before the retention period; runs
	 * in the caller's transaction.
	 */
	private int eraseExpired() {
		Instant now = this.clock.instant();
		Instant limit = ZonedDateTime.ofInstant(now, this.formats.zone())
			.minusYears(this.properties.retentionYears())
			.toInstant();
		List<Long> expired = this.jdbc.sql("""
				select id from incident where status = 'CLOSED' and closed_at < ? and restricted_erased_at is null
				order by id
				""").param(Timestamp.from(limit)).query(Long.class).list();
		for (long id : expired) {
			this.restricted.erase(id);
			this.evidence.eraseAll(id);
			this.incidents.findById(id).ifPresent((incident) -> incident.restrictedErased(now));
			this.audit.recordFor("system", null, "INCIDENT_RESTRICTED_ERASED",
					Map.of("incident", id, "retentionYears", this.properties.retentionYears()));
		}
		return expired.size();
	}

}
