package vn.edu.portal.incident;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Role;
import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.Formats;

/**
 * Requests made outside the portal about an incident (takedowns asked of platforms,
 * referrals to agencies): recorded and corrected by those who handle the incident (its
 * reviewer, a department leader), read by the Department's reviewers; another unit's
 * incident answers 404. Each change is audited with the incident's other steps.
 */
@Service
public class IncidentRequests {

	private final IncidentRequestRepository requests;

	private final IncidentAccess access;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Formats formats;

	private final IncidentProperties properties;

	IncidentRequests(IncidentRequestRepository requests, IncidentAccess access, AuditLog audit, JdbcClient jdbc,
			Clock clock, Formats formats, IncidentProperties properties) {
		this.requests = requests;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.formats = formats;
		this.properties = properties;
	}

	/** The requests of an incident the reader sees, for the Department's reviewers. */
	@Transactional(readOnly = true)
	List<IncidentRequest> of(CurrentUser user, Incident incident) {
		if (!this.access.isReviewer(user)) {
			return List.of();
		}
		return this.requests.findByIncidentIdOrderBySentOnAscIdAsc(incident.getId());
	}

	/**
	 * The incident, if the account records its requests; 404 if unseen, 403 if not its.
	 */
	@Transactional(readOnly = true)
	Incident handled(CurrentUser user, long incidentId) {
		Incident incident = this.access.visible(user, incidentId);
		if (!this.access.handles(user, incident) || incident.getStatus() == IncidentStatus.DRAFT) {
			throw new AccessDeniedException("does not handle this incident");
		}
		return incident;
	}

	/** A request of an incident the account handles (see {@link #handled}), or 404. */
	@Transactional(readOnly = true)
	IncidentRequest find(Incident incident, long requestId) {
		return this.requests.findById(requestId)
			.filter((request) -> request.getIncidentId() == incident.getId())
			.orElseThrow(() -> new IncidentNotFoundException(incident.getId()));
	}

	/**
	 * Records a request; the same form sent again (a double tap, a retry) records nothing
	 * more. The incident's row is locked first, so that taps arriving together are
	 * counted one after the other.
	 * @return {@code false} when this form had been recorded already
	 */
	@Transactional
	boolean record(CurrentUser user, long incidentId, UUID formKey, IncidentRequest.Details details) {
		Incident incident = handled(user, incidentId);
		this.jdbc.sql("select id from incident where id = ? for update").param(incidentId).query(Long.class).list();
		IncidentRequest made = this.requests.findByFormKey(formKey).orElse(null);
		if (made != null) {
			if (made.getIncidentId() != incidentId) {
				throw new IncidentNotFoundException(incidentId);
			}
			return false;
		}
		IncidentRequest request = this.requests.saveAndFlush(new IncidentRequest(incident.getId(), formKey, details,
				user.id(), this.clock.instant(), this.formats.today()));
		this.audit.record("INCIDENT_REQUEST_RECORDED", "INCIDENT", incidentId, auditDetails(request));
		return true;
	}

	/**
	 * Corrects a request or records its answer. The same values sent again over a newer
	 * version (a double tap) change nothing and are no conflict.
	 */
	@Transactional
	void update(CurrentUser user, long incidentId, long requestId, long version, IncidentRequest.Details details) {
		IncidentRequest request = find(handled(user, incidentId), requestId);
		this.jdbc.sql("select id from incident_request where id = ? for update")
			.param(requestId)
			.query(Long.class)
			.list();
		if (request.details().sameAs(details)) {
			return;
		}
		if (request.getVersion() != version) {
			throw new IncidentRefused("conflict");
		}
		request.record(details, user.id(), this.clock.instant(), this.formats.today());
		this.requests.flush();
		this.audit.record("INCIDENT_REQUEST_UPDATED", "INCIDENT", incidentId, auditDetails(request));
	}

	private static Map<String, Object> auditDetails(IncidentRequest request) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("request", request.getId());
		details.put("to", (request.getPlatform() != null) ? request.getPlatform().name() : request.getAgency().name());
		if (request.getAsked() != null) {
			details.put("asked", request.getAsked().name());
		}
		if (request.getOutcome() != null) {
			details.put("outcome", request.getOutcome().name());
		}
		return details;
	}

	/** How many days a request waits for its answer before it is listed as waiting. */
	public int answerWithinDays() {
		return this.properties.requestAnswerDays();
	}

	/**
	 * The requests still waiting for an answer longer than
	 * {@code portal.incidents.request-answer-days} on the incidents the account handles
	 * (its own as reviewer; all of its scope for a department leader), the oldest first,
	 * in one statement; none for anybody else.
	 * @param limit the most returned
	 */
	@Transactional(readOnly = true)
	public List<Waiting> waitingForAnswer(CurrentUser user, int limit) {
		if (!this.access.isReviewer(user)) {
			return List.of();
		}
		IncidentAccess.Reader reader = this.access.reader(user);
		LocalDate sentBy = this.formats.today().minusDays(this.properties.requestAnswerDays());
		return reader.bind(this.jdbc.sql("""
				select q.id, q.incident_id, q.platform, q.agency, q.reference, q.sent_on,
				       coalesce(u.short_name, u.name) as unit_name, left(i.summary, 120) as summary
				from incident_request q join incident i on i.id = q.incident_id join unit u on u.id = i.unit_id
				where q.answered_on is null and q.outcome is null and q.sent_on <= :sentBy
				  and (i.reviewer_id = :me or :leader) and i.status <> 'DRAFT' and
				""" + IncidentAccess.VISIBLE + """
				order by q.sent_on, q.id limit :limit
				"""))
			.param("sentBy", sentBy)
			.param("me", user.id())
			.param("leader", user.hasRole(Role.DEPARTMENT_LEADER))
			.param("limit", limit)
			.query((rs, i) -> new Waiting(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("platform"),
					rs.getString("agency"), rs.getString("reference"), rs.getObject("sent_on", LocalDate.class),
					(int) java.time.temporal.ChronoUnit.DAYS.between(rs.getObject("sent_on", LocalDate.class),
							this.formats.today()),
					rs.getString("unit_name"), rs.getString("summary")))
			.list();
	}

	/**
	 * A request waiting for its answer.
	 *
	 * @param id the request
	 * @param incidentId its incident, whose page is {@code /incidents/{incidentId}}
	 * @param platform the platform asked (a {@link Platform} name), or {@code null}
	 * @param agency the agency asked (POLICE, INFORMATION_DEPARTMENT, OTHER), or
	 * {@code null}
	 * @param reference the case number or reference, or {@code null}
	 * @param sentOn when it was sent
	 * @param daysWaiting days since
	 * @param unitName the unit that reported the incident
	 * @param summary the start of the incident's summary
	 */
	public record Waiting(long id, long incidentId, String platform, String agency, String reference, LocalDate sentOn,
			int daysWaiting, String unitName, String summary) {

		/** The page where it is answered. */
		public String link() {
			return "/incidents/" + this.incidentId + "/requests/" + this.id + "/edit";
		}

	}

}
