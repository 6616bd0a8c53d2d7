package vn.edu.portal.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.calendar.WorkingDays;
import vn.edu.portal.system.Formats;

/**
 * The response-time targets per severity (domain.md §4), which an administrator edits:
 * report within so many hours of detection; triage within so many hours, or working days,
 * of submission. The deadlines of an incident are those in force when it was submitted.
 */
@Service
class IncidentTargets {

	private final JdbcClient jdbc;

	private final WorkingDays workingDays;

	private final Formats formats;

	private final AuditLog audit;

	IncidentTargets(JdbcClient jdbc, WorkingDays workingDays, Formats formats, AuditLog audit) {
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.formats = formats;
		this.audit = audit;
	}

	List<Target> all() {
		return this.jdbc.sql("""
				select severity, report_within_hours, triage_within, triage_unit from incident_target order by severity
				""")
			.query((rs, i) -> new Target(rs.getInt(1), rs.getInt(2), rs.getInt(3), TriageUnit.valueOf(rs.getString(4))))
			.list();
	}

	Target of(int severity) {
		return all().stream().filter((target) -> target.severity() == severity).findFirst().orElseThrow();
	}

	/** By when an incident of this severity, detected then, must be reported. */
	Instant reportDue(int severity, Instant detectedAt) {
		return detectedAt.plus(Duration.ofHours(of(severity).reportWithinHours()));
	}

	/**
	 * By when it must be triaged, if submitted then: so many hours later, or the same
	 * time of day so many working days later.
	 */
	Instant triageDue(int severity, Instant submittedAt) {
		Target target = of(severity);
		if (target.triageUnit() == TriageUnit.HOURS) {
			return submittedAt.plus(Duration.ofHours(target.triageWithin()));
		}
		ZonedDateTime submitted = submittedAt.atZone(this.formats.zone());
		return submitted.with(this.workingDays.calendar().plus(submitted.toLocalDate(), target.triageWithin()))
			.toInstant();
	}

	@Transactional
	void update(List<Target> targets, long by) {
		for (Target target : targets) {
			this.jdbc.sql("""
					update incident_target set report_within_hours = ?, triage_within = ?, triage_unit = ?,
					       updated_at = now(), updated_by = ?
					where severity = ?
					""")
				.params(target.reportWithinHours(), target.triageWithin(), target.triageUnit().name(), by,
						target.severity())
				.update();
			this.audit.record("INCIDENT_TARGET_CHANGED", "INCIDENT_TARGET", target.severity(),
					Map.of("reportWithinHours", target.reportWithinHours(), "triageWithin", target.triageWithin(),
							"triageUnit", target.triageUnit().name()));
		}
	}

	/**
	 * The targets of a severity.
	 *
	 * @param severity 1 to 4
	 * @param reportWithinHours report within so many hours of detection
	 * @param triageWithin triage within so many hours or working days of submission
	 * @param triageUnit which
	 */
	record Target(int severity, int reportWithinHours, int triageWithin, TriageUnit triageUnit) {
	}

	/** What a triage target counts. */
	enum TriageUnit {

		HOURS, WORKING_DAYS

	}

}
