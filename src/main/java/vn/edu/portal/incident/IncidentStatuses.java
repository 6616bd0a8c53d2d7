package vn.edu.portal.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;

/**
 * Where incidents stand, for other modules (the API): their status and deadlines only,
 * never their summary, links, people or the restricted names. An account sees what the
 * incidents page shows it (its unit's, and the submitted incidents of the units of its
 * scope); any other incident answers 404.
 */
@Service
public class IncidentStatuses {

	private final IncidentAccess access;

	private final IncidentRepository incidents;

	private final JdbcClient jdbc;

	private final Clock clock;

	IncidentStatuses(IncidentAccess access, IncidentRepository incidents, JdbcClient jdbc, Clock clock) {
		this.access = access;
		this.incidents = incidents;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The latest incidents the account may see, the newest first: its unit's, and for the
	 * Department those submitted by the units of its scope, as on the incidents page.
	 */
	@Transactional(readOnly = true)
	public List<Status> latest(CurrentUser user, int limit) {
		IncidentAccess.Reader reader = this.access.reader(user);
		List<Long> ids = reader
			.bind(this.jdbc.sql("select i.id from incident i where " + IncidentAccess.VISIBLE
					+ " order by i.created_at desc, i.id desc limit :limit"))
			.param("limit", limit)
			.query(Long.class)
			.list();
		Instant now = this.clock.instant();
		return this.incidents.findAllById(ids)
			.stream()
			.sorted(Comparator.comparing((Incident incident) -> ids.indexOf(incident.getId())))
			.map((incident) -> status(incident, now))
			.toList();
	}

	/** An incident the account may see on the incidents page, or 404. */
	@Transactional(readOnly = true)
	public Status status(CurrentUser user, long id) {
		return status(this.access.visible(user, id), this.clock.instant());
	}

	static Status status(Incident incident, Instant now) {
		return new Status(incident.getId(), incident.getUnitId(), incident.getStatus().name(),
				(incident.getCategory() != null) ? incident.getCategory().name() : null, incident.getSeverity(),
				incident.getDetectedAt(), incident.getSubmittedAt(), incident.getReportDueAt(),
				Boolean.TRUE.equals(incident.getReportedLate()), incident.getTriageDueAt(), incident.getAcceptedAt(),
				(incident.getResolution() != null) ? incident.getResolution().name() : null, incident.getResolvedAt(),
				incident.getClosedAt(), incident.isPastTarget(now));
	}

	/**
	 * Where an incident stands.
	 *
	 * @param id its id
	 * @param unitId the reporting unit
	 * @param status DRAFT, SUBMITTED, ACCEPTED, IN_PROGRESS, ... as on the page
	 * @param category its category code, or {@code null} in a draft
	 * @param severity 1 to 4, or {@code null} in a draft
	 * @param detectedAt when it was detected
	 * @param submittedAt when it was submitted, or {@code null}
	 * @param reportDueAt the deadline to report it
	 * @param reportedLate whether it was reported after that deadline
	 * @param triageDueAt the deadline of the Department's triage
	 * @param acceptedAt when the Department accepted it, or {@code null}
	 * @param resolution how it was resolved, or {@code null}
	 * @param resolvedAt when, or {@code null}
	 * @param closedAt when it was closed, or {@code null}
	 * @param pastTarget whether a target was missed
	 */
	public record Status(long id, long unitId, String status, String category, Integer severity, Instant detectedAt,
			Instant submittedAt, Instant reportDueAt, boolean reportedLate, Instant triageDueAt, Instant acceptedAt,
			String resolution, Instant resolvedAt, Instant closedAt, boolean pastTarget) {
	}

}
