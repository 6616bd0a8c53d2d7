package vn.edu.portal.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.util.Assert;

/**
 * A request made outside the portal about an incident: to a platform (to remove or
 * restrict the content, or preserve it as evidence, under the platform's report or case
 * number) or to an agency (the police, the Department of Information and Communications:
 * its reference and a contact); sent on a day, answered (or not) on a later one, with an
 * outcome. It refuses what cannot be: an answer dated before the request was sent, a date
 * sent in the future, a platform request without what was asked.
 */
@Entity
@Table(name = "incident_request")
class IncidentRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long incidentId;

	private UUID formKey;

	@Enumerated(EnumType.STRING)
	private Platform platform;

	@Enumerated(EnumType.STRING)
	private Asked asked;

	@Enumerated(EnumType.STRING)
	private Agency agency;

	private String reference;

	private String contact;

	private LocalDate sentOn;

	private String answer;

	private LocalDate answeredOn;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private Instant createdAt;

	private long createdBy;

	private Instant updatedAt;

	private long updatedBy;

	@Version
	private long version;

	protected IncidentRequest() {
	}

	IncidentRequest(long incidentId, UUID formKey, Details details, long by, Instant at, LocalDate today) {
		this.incidentId = incidentId;
		this.formKey = formKey;
		this.createdAt = at;
		this.createdBy = by;
		record(details, by, at, today);
	}

	/** Sets (or corrects) what was asked of whom, when, and what came back. */
	void record(Details details, long by, Instant at, LocalDate today) {
		Assert.isTrue((details.platform() == null) != (details.agency() == null),
				"a request goes to a platform or to an agency");
		Assert.isTrue((details.platform() == null) == (details.asked() == null),
				"a platform is asked to remove, restrict or preserve");
		Assert.notNull(details.sentOn(), "a request has a date sent");
		Assert.isTrue(!details.sentOn().isAfter(today), "a request is recorded once sent");
		Assert.isTrue(details.answeredOn() == null || !details.answeredOn().isBefore(details.sentOn()),
				"an answer comes after the request");
		Assert.isTrue(details.answeredOn() == null || !details.answeredOn().isAfter(today),
				"an answer is recorded once received");
		Assert.isTrue(details.outcome() != Outcome.NO_ANSWER || details.answeredOn() == null,
				"no answer has no date of answer");
		this.platform = details.platform();
		this.asked = details.asked();
		this.agency = details.agency();
		this.reference = details.reference();
		this.contact = details.contact();
		this.sentOn = details.sentOn();
		this.answer = details.answer();
		this.answeredOn = details.answeredOn();
		this.outcome = details.outcome();
		this.updatedAt = at;
		this.updatedBy = by;
	}

	/** What it says now, to compare with what a form sends again. */
	Details details() {
		return new Details(this.platform, this.asked, this.agency, this.reference, this.contact, this.sentOn,
				this.answer, this.answeredOn, this.outcome);
	}

	/** Whether it still waits for an answer: none received and no outcome recorded. */
	public boolean isWaiting() {
		return this.answeredOn == null && this.outcome == null;
	}

	public Long getId() {
		return this.id;
	}

	public long getIncidentId() {
		return this.incidentId;
	}

	public UUID getFormKey() {
		return this.formKey;
	}

	public Platform getPlatform() {
		return this.platform;
	}

	public Asked getAsked() {
		return this.asked;
	}

	public Agency getAgency() {
		return this.agency;
	}

	public String getReference() {
		return this.reference;
	}

	public String getContact() {
		return this.contact;
	}

	public LocalDate getSentOn() {
		return this.sentOn;
	}

	public String getAnswer() {
		return this.answer;
	}

	public LocalDate getAnsweredOn() {
		return this.answeredOn;
	}

	public Outcome getOutcome() {
		return this.outcome;
	}

	public long getVersion() {
		return this.version;
	}

	/**
	 * What a request says.
	 *
	 * @param platform the platform asked, or {@code null} for an agency
	 * @param asked what the platform was asked
	 * @param agency the agency asked, or {@code null} for a platform
	 * @param reference the platform's report or case number, or the agency's reference
	 * @param contact who was contacted at the agency
	 * @param sentOn when it was sent
	 * @param answer what came back
	 * @param answeredOn when
	 * @param outcome how it ended, or {@code null} while open
	 */
	record Details(Platform platform, Asked asked, Agency agency, String reference, String contact, LocalDate sentOn,
			String answer, LocalDate answeredOn, Outcome outcome) {

		boolean sameAs(Details other) {
			return Objects.equals(this, other);
		}

	}

	/** What a platform is asked (message keys {@code incident.request.asked.*}). */
	enum Asked {

		REMOVE, RESTRICT, PRESERVE_EVIDENCE

	}

	/**
	 * The agencies a matter is referred to (message keys
	 * {@code incident.request.agency.*}).
	 */
	enum Agency {

		POLICE, INFORMATION_DEPARTMENT, OTHER

	}

	/** How a request ended (message keys {@code incident.request.outcome.*}). */
	enum Outcome {

		REMOVED, RESTRICTED, REFUSED, NO_ANSWER

	}

}
