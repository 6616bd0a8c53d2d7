package vn.edu.portal.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Role;
import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.FileStore;

/**
 * What users do with incidents: a unit drafts and submits them (once, however often the
 * form is sent), the Department triages and handles them, the unit answers questions.
 * Every step is audited and announced as an {@link IncidentStepTaken}.
 */
@Service
class IncidentService {

	private final IncidentRepository incidents;

	private final IncidentAccess access;

	private final IncidentTargets targets;

	private final IncidentEvidence evidence;

	private final RestrictedPart restricted;

	private final IncidentThread thread;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final IncidentQueries queries;

	IncidentService(IncidentRepository incidents, IncidentAccess access, IncidentTargets targets,
			IncidentEvidence evidence, RestrictedPart restricted, IncidentThread thread, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, IncidentQueries queries) {
		this.queries = queries;
		this.incidents = incidents;
		this.access = access;
		this.targets = targets;
		this.evidence = evidence;
		this.restricted = restricted;
		this.thread = thread;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Incident forReading(CurrentUser user, long id) {
		return this.access.visible(user, id);
	}

	/** A draft of the reader's unit, for its form, or 404. */
	@Transactional(readOnly = true)
	Incident draft(CurrentUser user, long id) {
		Incident incident = this.access.visible(user, id);
		if (!this.access.isOfReportingUnit(user, incident) || !this.access.drafts(user)) {
			throw new IncidentNotFoundException(id);
		}
		return incident;
	}

	/**
	 * The incident made from this form key, if any. Another unit's is not found: its form
	 * key must never let this user write into it, even after the form's holding row is
	 * gone.
	 */
	private Incident byFormKey(CurrentUser user, UUID formKey) {
		Incident made = this.incidents.findByFormKey(formKey).orElse(null);
		if (made != null && !this.access.isOfReportingUnit(user, made)) {
			throw new IncidentNotFoundException(made.getId());
		}
		return made;
	}

	/** An incident made from this form already, if any: the idempotency key's answer. */
	@Transactional(readOnly = true)
	Optional<Incident> madeFrom(CurrentUser user, UUID formKey) {
		return this.incidents.findByFormKey(formKey)
			.filter((incident) -> this.access.isOfReportingUnit(user, incident));
	}

	/**
	 * Saves what the form says, as a new draft (its files taken from the form) or over
	 * the draft, and submits it if asked.
	 * @param names the names typed; {@code null} to keep those saved
	 * @return the incident, and whether it had been submitted already (a repeated submit)
	 */
	@Transactional
	Saved save(CurrentUser user, UUID formKey, Long draftId, long version, IncidentContent content, String names,
			boolean submit) {
		if (!this.access.drafts(user)) {
			throw new AccessDeniedException("reports no incidents");
		}
		Instant now = this.clock.instant();
		Incident incident = (draftId != null) ? draft(user, draftId) : byFormKey(user, formKey);
		if (incident != null && incident.getStatus() != IncidentStatus.DRAFT) {
			if (!this.access.isOfReportingUnit(user, incident)) {
				throw new IncidentNotFoundException(incident.getId());
			}
			return new Saved(incident, true);
		}
		if (submit && !this.access.submits(user, user.unitId())) {
			throw new AccessDeniedException("does not submit incidents");
		}
		if (incident == null) {
			incident = this.incidents.saveAndFlush(new Incident(formKey, user.unitId(), user.id(), content, now));
			this.evidence.moveToIncident(this.evidence.ofForm(formKey, user.id()), incident.getId());
			this.audit.record("INCIDENT_DRAFTED", "INCIDENT", incident.getId(), Map.of());
		}
		else {
			if (draftId != null && incident.getVersion() != version) {
				throw new IncidentRefused("conflict");
			}
			incident.write(content, user.id(), now);
			this.audit.record("INCIDENT_DRAFT_SAVED", "INCIDENT", incident.getId(), Map.of());
		}
		if (names != null) {
			this.restricted.write(incident.getId(), names, user.id());
		}
		if (submit) {
			if (incident.getCategory().forbidsEvidence()
					&& this.evidence.count(IncidentEvidence.ofIncident(incident.getId())) > 0) {
				throw new IncidentRefused("noEvidenceForCsam");
			}
			incident.submit(user.id(), now, this.targets.reportDue(incident.getSeverity(), incident.getDetectedAt()),
					this.targets.triageDue(incident.getSeverity(), now));
			this.audit.record("INCIDENT_SUBMITTED", "INCIDENT", incident.getId(),
					Map.of("severity", incident.getSeverity(), "category", incident.getCategory().name(),
							"reportedLate", incident.getReportedLate()));
			announce(incident, user);
		}
		this.incidents.flush();
		return new Saved(incident, false);
	}

	@Transactional
	void deleteDraft(CurrentUser user, long id) {
		Incident incident = draft(user, id);
		if (incident.getStatus() != IncidentStatus.DRAFT) {
			throw new IncidentRefused("notDraft");
		}
		this.evidence.eraseAll(id);
		this.incidents.delete(incident);
		this.audit.record("INCIDENT_DRAFT_DELETED", "INCIDENT", id, Map.of());
	}

	boolean hasNames(Incident incident) {
		return this.restricted.exists(incident.getId());
	}

	/** Names may be read here by this reader; audited. */
	@Transactional
	Optional<String> names(CurrentUser user, Incident incident, String where) {
		if (!this.access.seesRestricted(user, incident)) {
			throw new AccessDeniedException("restricted");
		}
		return this.restricted.read(incident.getId(), where);
	}

	/** An evidence file to download, for those who see the restricted part; audited. */
	@Transactional
	FileStore.StoredFile evidenceFile(CurrentUser user, long incidentId, long fileId) {
		Incident incident = this.access.visible(user, incidentId);
		if (!this.access.seesRestricted(user, incident)) {
			throw new IncidentNotFoundException(incidentId);
		}
		FileStore.StoredFile file = this.evidence.of(IncidentEvidence.ofIncident(incidentId))
			.stream()
			.filter((stored) -> stored.id() == fileId)
			.findFirst()
			.orElseThrow(() -> new IncidentNotFoundException(incidentId));
		this.audit.record("INCIDENT_EVIDENCE_DOWNLOADED", "INCIDENT", incidentId,
				Map.of("file", fileId, "sha256", file.sha256()));
		return file;
	}

	@Transactional
	void removeEvidence(CurrentUser user, FileStore.Owner owner, long fileId) {
		if (owner.type().equals(IncidentEvidence.OWNER)) {
			Incident incident = draft(user, owner.id());
			if (incident.getStatus() != IncidentStatus.DRAFT) {
				throw new IncidentRefused("notDraft");
			}
		}
		if (this.evidence.remove(owner, fileId) && owner.type().equals(IncidentEvidence.OWNER)) {
			this.audit.record("INCIDENT_EVIDENCE_REMOVED", "INCIDENT", owner.id(), Map.of("file", fileId));
		}
	}

	/** Takes it on: the reviewer is the one who accepts, or the one named by a leader. */
	@Transactional
	void accept(CurrentUser user, long id, long version, Long reviewerId) {
		Incident incident = handled(user, id, version, true);
		long reviewer = user.id();
		if (reviewerId != null && !reviewerId.equals(user.id())) {
			// Only a department leader hands an incident to someone, and only to a
			// reviewer of the Department.
			boolean reviewerOfTheDepartment = this.queries.reviewers(this.access.reader(user).scopePath())
				.stream()
				.anyMatch((candidate) -> candidate.id() == reviewerId);
			if (!user.hasRole(Role.DEPARTMENT_LEADER) || !reviewerOfTheDepartment) {
				throw new IncidentRefused("notAReviewer");
			}
			reviewer = reviewerId;
		}
		incident.assign(reviewer, user.id(), now());
		step(user, incident, "INCIDENT_ACCEPTED", Map.of("reviewer", reviewer));
	}

	@Transactional
	void start(CurrentUser user, long id, long version) {
		Incident incident = handled(user, id, version, false);
		incident.start(user.id(), now());
		step(user, incident, "INCIDENT_STARTED", Map.of());
	}

	/** Back to the school with a question, which is shared with it in the thread. */
	@Transactional
	void askForInformation(CurrentUser user, long id, long version, String question) {
		Incident incident = handled(user, id, version, false);
		Instant now = now();
		incident.askForInformation(question.strip(), user.id(), now);
		this.thread.add(id, user.id(), question, true, now);
		step(user, incident, "INCIDENT_INFORMATION_ASKED", Map.of());
	}

	@Transactional
	void escalate(CurrentUser user, long id, long version, String agency, LocalDate on, String reference) {
		Incident incident = handled(user, id, version, false);
		incident.escalate(agency.strip(), on, (reference != null && !reference.isBlank()) ? reference.strip() : null,
				user.id(), now());
		step(user, incident, "INCIDENT_ESCALATED", Map.of("agency", agency.strip()));
	}

	@Transactional
	void resolve(CurrentUser user, long id, long version, Resolution resolution, String note) {
		Incident incident = handled(user, id, version, false);
		Instant now = now();
		incident.resolve(resolution, (note != null && !note.isBlank()) ? note.strip() : null, user.id(), now);
		if (note != null && !note.isBlank()) {
			this.thread.add(id, user.id(), note, true, now);
		}
		step(user, incident, "INCIDENT_RESOLVED", Map.of("resolution", resolution.name()));
	}

	@Transactional
	void close(CurrentUser user, long id, long version) {
		Incident incident = handled(user, id, version, false);
		incident.close(user.id(), now());
		step(user, incident, "INCIDENT_CLOSED", Map.of());
	}

	@Transactional
	void reopen(CurrentUser user, long id, long version, String reason) {
		Incident incident = handled(user, id, version, false);
		Instant now = now();
		incident.reopen(reason.strip(), user.id(), now);
		this.thread.add(id, user.id(), reason, false, now);
		step(user, incident, "INCIDENT_REOPENED", Map.of());
	}

	@Transactional
	void changeSeverity(CurrentUser user, long id, long version, int severity) {
		Incident incident = handled(user, id, version, incidentStatus(user, id) == IncidentStatus.SUBMITTED);
		incident.changeSeverity(severity, this.targets.triageDue(severity, incident.getSubmittedAt()), user.id(),
				now());
		this.audit.record("INCIDENT_SEVERITY_CHANGED", "INCIDENT", id, Map.of("severity", severity));
	}

	/**
	 * A comment: the Department's, internal or shared; the reporting unit's, shared, and
	 * its answer if a question is open.
	 */
	@Transactional
	void comment(CurrentUser user, long id, String body, boolean shared) {
		Incident incident = this.access.visible(user, id);
		Instant now = now();
		boolean ofUnit = this.access.isOfReportingUnit(user, incident) && !this.access.isReviewer(user);
		if (!ofUnit && !this.access.isReviewer(user)) {
			throw new AccessDeniedException("does not comment");
		}
		if (incident.getStatus() == IncidentStatus.DRAFT) {
			throw new IncidentRefused("notSubmitted");
		}
		if (!this.thread.add(id, user.id(), body, ofUnit || shared, now)) {
			return;
		}
		if (ofUnit && incident.getStatus() == IncidentStatus.NEEDS_INFO) {
			incident.answered(user.id(), now);
			step(user, incident, "INCIDENT_INFORMATION_GIVEN", Map.of());
		}
		else {
			this.audit.record("INCIDENT_COMMENTED", "INCIDENT", id, Map.of("shared", ofUnit || shared));
		}
	}

	List<IncidentThread.Comment> comments(CurrentUser user, Incident incident) {
		return this.thread.of(incident.getId(), this.access.isReviewer(user));
	}

	private IncidentStatus incidentStatus(CurrentUser user, long id) {
		return this.access.visible(user, id).getStatus();
	}

	/**
	 * An incident the reader handles, at the version the page showed. Any reviewer may
	 * accept an unassigned one; then its reviewer or a department leader takes the steps.
	 */
	private Incident handled(CurrentUser user, long id, long version, boolean accepting) {
		Incident incident = this.access.visible(user, id);
		if (!this.access.isReviewer(user)) {
			throw new AccessDeniedException("does not review incidents");
		}
		boolean unassigned = incident.getReviewerId() == null;
		if (!(accepting && unassigned) && !this.access.handles(user, incident)) {
			throw new IncidentRefused("notYours");
		}
		if (incident.getVersion() != version) {
			throw new IncidentRefused("conflict");
		}
		return incident;
	}

	private void step(CurrentUser user, Incident incident, String action, Map<String, Object> details) {
		Map<String, Object> recorded = new LinkedHashMap<>(details);
		recorded.put("status", incident.getStatus().name());
		this.audit.record(action, "INCIDENT", incident.getId(), recorded);
		announce(incident, user);
	}

	private void announce(Incident incident, CurrentUser user) {
		this.events.publishEvent(new IncidentStepTaken(incident.getId(), incident.getUnitId(), incident.getSeverity(),
				incident.getStatus(), incident.getReviewerId(), user.id()));
	}

	private Instant now() {
		return this.clock.instant();
	}

	/**
	 * What a save did.
	 *
	 * @param incident the incident
	 * @param alreadySubmitted whether it had been submitted before this request
	 */
	record Saved(Incident incident, boolean alreadySubmitted) {
	}

}
