package vn.edu.portal.operations;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The business figures an operator watches, as gauges of {@code /actuator/prometheus}:
 * reports submitted, incidents filed, directives published and reminders sent today
 * (Asia/Ho_Chi_Minh), the e-mails waiting in the outbox and the age of the oldest. They
 * are read from PostgreSQL in one query of index range scans, at most once per
 * {@link #FRESH_FOR} whatever the number of scrapes, never on a user's request; if the
 * database does not answer, they are unknown (NaN) until it does. Being read from the
 * shared database, every instance shows the same values: aggregate them with {@code max},
 * not {@code sum}.
 */
@Component
class BusinessMetrics implements MeterBinder {

	static final Duration FRESH_FOR = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);

	private final JdbcClient jdbc;

	private Figures figures;

	private long readAt;

	BusinessMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "portal.reports.submitted.today", "Implementation reports submitted today", Figures::reports);
		gauge(registry, "portal.incidents.submitted.today", "Incident reports filed today", Figures::incidents);
		gauge(registry, "portal.directives.published.today", "Directives issued today", Figures::directives);
		gauge(registry, "portal.reminders.sent.today", "Deadline reminders sent today", Figures::reminders);
		gauge(registry, "portal.outbox.pending", "E-mails waiting in the outbox", Figures::pending);
		Gauge.builder("portal.outbox.oldest.pending", this, (metrics) -> metrics.current().oldestPendingSeconds())
			.description("Age of the oldest e-mail waiting in the outbox (0 when none waits)")
			.baseUnit("seconds")
			.register(registry);
	}

	private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Figures> figure) {
		Gauge.builder(name, this, (metrics) -> figure.applyAsDouble(metrics.current()))
			.description(description)
			.register(registry);
	}

	/** The figures, read again when older than {@link #FRESH_FOR}. */
	synchronized Figures current() {
		long now = System.nanoTime();
		if (this.figures == null || now - this.readAt >= FRESH_FOR.toNanos()) {
			this.readAt = now;
			this.figures = read();
		}
		return this.figures;
	}

	private Figures read() {
		try {
			return this.jdbc.sql("""
					with today as (select (date_trunc('day', now() at time zone 'Asia/Ho_Chi_Minh')
					                       at time zone 'Asia/Ho_Chi_Minh') as since)
					select (select count(*) from report_revision, today where submitted_at >= since) as reports,
					       (select count(*) from incident, today where submitted_at >= since) as incidents,
					       (select count(*) from directive, today where published_at >= since) as directives,
					       (select count(*) from reminder_sent, today where sent_at >= since) as reminders,
					       (select count(*) from outbox_mail where status = 'PENDING') as pending,
					       coalesce((select extract(epoch from now() - min(created_at)) from outbox_mail
					                 where status = 'PENDING'), 0) as oldest
					""")
				.query((rs, i) -> new Figures(rs.getLong("reports"), rs.getLong("incidents"), rs.getLong("directives"),
						rs.getLong("reminders"), rs.getLong("pending"), rs.getDouble("oldest")))
				.single();
		}
		catch (RuntimeException ex) {
			log.warn("Business metrics not read: {}", ex.getMessage());
			return Figures.UNKNOWN;
		}
	}

	record Figures(double reports, double incidents, double directives, double reminders, double pending,
			double oldestPendingSeconds) {

		static final Figures UNKNOWN = new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
				Double.NaN);

	}

}
