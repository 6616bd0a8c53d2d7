package vn.edu.portal.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import org.springframework.util.Assert;

/**
 * A social-media incident reported by a unit, through the workflow of domain.md §4. It
 * guards its own state: each step is a method that refuses to be taken from the wrong
 * status, and records who took it, when and why. Names of the people involved are not
 * here (see {@link RestrictedPart}).
 */
@Entity
@Table(name = "incident")
class Incident {

	private static final Set<IncidentStatus> HANDLING = EnumSet.of(IncidentStatus.ACCEPTED, IncidentStatus.IN_PROGRESS);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private UUID formKey;

	private long unitId;

	private long reporterId;

	@Enumerated(EnumType.STRING)
	private IncidentStatus status;

	private Instant detectedAt;

	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	private Platform platform;

	@Enumerated(EnumType.STRING)
	private Category category;

	private Integer severity;

	private String summary;

	private Integer reachViews;

	private Integer reachShares;

	@Enumerated(EnumType.STRING)
	private Press press;

	private Long directiveId;

	private Instant submittedAt;

	private Long submittedBy;

	private Instant reportDueAt;

	private Boolean reportedLate;

	private Instant triageDueAt;

	private Long reviewerId;

	private Instant acceptedAt;

	private String escalatedAgency;

	private LocalDate escalatedOn;

	private String escalatedReference;

	@Enumerated(EnumType.STRING)
	private Resolution resolution;

	private Instant resolvedAt;

	private Instant closedAt;

	private Instant restrictedErasedAt;

	private Instant createdAt;

	private Instant updatedAt;

	private long updatedBy;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SELECT)
	@CollectionTable(name = "incident_url", joinColumns = @JoinColumn(name = "incident_id"))
	@OrderColumn(name = "position")
	private List<IncidentUrl> urls = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SELECT)
	@CollectionTable(name = "incident_person", joinColumns = @JoinColumn(name = "incident_id"))
	@OrderColumn(name = "position")
	private List<PersonInvolved> people = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SELECT)
	@CollectionTable(name = "incident_action", joinColumns = @JoinColumn(name = "incident_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "action")
	private Set<ActionTaken> actions = EnumSet.noneOf(ActionTaken.class);

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SELECT)
	@CollectionTable(name = "incident_step", joinColumns = @JoinColumn(name = "incident_id"))
	@OrderColumn(name = "position")
	private List<IncidentStep> steps = new ArrayList<>();

	@Version
	private long version;

	protected Incident() {
	}

	Incident(UUID formKey, long unitId, long reporterId, IncidentContent content, Instant at) {
		this.formKey = formKey;
		this.unitId = unitId;
		this.reporterId = reporterId;
		this.status = IncidentStatus.DRAFT;
		this.createdAt = at;
		write(content, reporterId, at);
		step(null, reporterId, at, null);
	}

	/** Changes what the draft says. */
	void write(IncidentContent content, long by, Instant at) {
		Assert.state(this.status == IncidentStatus.DRAFT, "only a draft is rewritten");
		this.detectedAt = content.detectedAt();
		this.occurredAt = content.occurredAt();
		this.platform = content.platform();
		this.category = content.category();
		this.severity = (content.severity() != null) ? content.severity()
				: (content.category() != null) ? content.category().defaultSeverity() : null;
		this.summary = content.summary();
		this.reachViews = content.reachViews();
		this.reachShares = content.reachShares();
		this.press = content.press();
		this.directiveId = content.directiveId();
		this.urls.clear();
		content.urls().forEach((url) -> this.urls.add(IncidentUrl.of(url)));
		this.people.clear();
		this.people.addAll(content.people());
		this.actions.clear();
		this.actions.addAll(content.actions());
		touch(by, at);
	}

	/**
	 * Sends it to the Department, with the targets in force: whether it was reported in
	 * time is settled now, and when it must be triaged by.
	 */
	void submit(long by, Instant at, Instant reportDue, Instant triageDue) {
		Assert.state(this.status == IncidentStatus.DRAFT, "only a draft is submitted");
		Assert.state(content().isComplete(), "an incomplete draft is not submitted");
		this.submittedAt = at;
		this.submittedBy = by;
		this.reportDueAt = reportDue;
		this.reportedLate = at.isAfter(reportDue);
		this.triageDueAt = triageDue;
		step(IncidentStatus.SUBMITTED, by, at, null);
	}

	/** A reviewer takes it on (or hands it to another reviewer). */
	void assign(long reviewer, long by, Instant at) {
		Assert.state(this.status.isOpen(), "only a submitted incident is assigned");
		this.reviewerId = reviewer;
		if (this.status == IncidentStatus.SUBMITTED) {
			this.acceptedAt = at;
			step(IncidentStatus.ACCEPTED, by, at, null);
		}
		else {
			step(this.status, by, at, "reviewer:" + reviewer);
		}
	}

	void start(long by, Instant at) {
		Assert.state(this.status == IncidentStatus.ACCEPTED, "only an accepted incident is started");
		step(IncidentStatus.IN_PROGRESS, by, at, null);
	}

	/** Back to the school with a question, which it answers in the thread. */
	void askForInformation(String question, long by, Instant at) {
		Assert.state(HANDLING.contains(this.status) || this.status == IncidentStatus.ESCALATED,
				"information is asked while handling");
		Assert.hasText(question, "a question is asked");
		step(IncidentStatus.NEEDS_INFO, by, at, question);
	}

	/** The school answered: the reviewer goes on. */
	void answered(long by, Instant at) {
		Assert.state(this.status == IncidentStatus.NEEDS_INFO, "only a question is answered");
		step(IncidentStatus.IN_PROGRESS, by, at, null);
	}

	void escalate(String agency, LocalDate on, String reference, long by, Instant at) {
		Assert.state(HANDLING.contains(this.status), "only an incident being handled is escalated");
		Assert.hasText(agency, "an agency is named");
		Assert.notNull(on, "a date is given");
		this.escalatedAgency = agency;
		this.escalatedOn = on;
		this.escalatedReference = reference;
		step(IncidentStatus.ESCALATED, by, at, agency);
	}

	void resolve(Resolution code, String note, long by, Instant at) {
		Assert.state(HANDLING.contains(this.status) || this.status == IncidentStatus.ESCALATED,
				"only an incident being handled is resolved");
		Assert.notNull(code, "a resolution is given");
		this.resolution = code;
		this.resolvedAt = at;
		step(IncidentStatus.RESOLVED, by, at, note);
	}

	void close(long by, Instant at) {
		Assert.state(this.status == IncidentStatus.RESOLVED, "only a resolved incident is closed");
		this.closedAt = at;
		step(IncidentStatus.CLOSED, by, at, null);
	}

	/** Reopened, with a reason: handled again. */
	void reopen(String reason, long by, Instant at) {
		Assert.state(this.status == IncidentStatus.RESOLVED || this.status == IncidentStatus.CLOSED,
				"only a resolved or closed incident is reopened");
		Assert.hasText(reason, "a reopening says why");
		this.resolution = null;
		this.resolvedAt = null;
		this.closedAt = null;
		step(IncidentStatus.IN_PROGRESS, by, at, reason);
	}

	/**
	 * The reviewer's severity. Before triage the triage deadline follows it; whether the
	 * unit reported in time stays as it was judged at submission.
	 */
	void changeSeverity(int newSeverity, Instant newTriageDue, long by, Instant at) {
		Assert.state(this.status != IncidentStatus.DRAFT && this.status != IncidentStatus.CLOSED,
				"severity is set on an open incident");
		Assert.isTrue(newSeverity >= 1 && newSeverity <= 4, "severity 1 to 4");
		if (this.severity != null && this.severity == newSeverity) {
			return;
		}
		String note = "severity:" + this.severity + "->" + newSeverity;
		this.severity = newSeverity;
		if (this.status == IncidentStatus.SUBMITTED) {
			this.triageDueAt = newTriageDue;
		}
		step(this.status, by, at, note);
	}

	/** The names and evidence were erased under the retention rule. */
	void restrictedErased(Instant at) {
		Assert.state(this.status == IncidentStatus.CLOSED, "only closed incidents are erased");
		this.restrictedErasedAt = at;
	}

	private void step(IncidentStatus to, long by, Instant at, String note) {
		IncidentStatus from = (to == null) ? null : this.status;
		IncidentStatus next = (to == null) ? this.status : to;
		this.steps.add(new IncidentStep(at, by, from, next, note));
		this.status = next;
		touch(by, at);
	}

	private void touch(long by, Instant at) {
		this.updatedAt = at;
		this.updatedBy = by;
	}

	/**
	 * Whether a target was missed: reported late, or triaged (or not yet) after its
	 * deadline.
	 */
	public boolean isPastTarget(Instant now) {
		if (this.status == IncidentStatus.DRAFT) {
			return false;
		}
		if (Boolean.TRUE.equals(this.reportedLate)) {
			return true;
		}
		return ((this.acceptedAt != null) ? this.acceptedAt : now).isAfter(this.triageDueAt);
	}

	IncidentContent content() {
		return new IncidentContent(this.detectedAt, this.occurredAt, this.platform,
				this.urls.stream().map(IncidentUrl::url).toList(), this.category, this.severity, this.summary,
				this.reachViews, this.reachShares, this.press, this.people, this.actions, this.directiveId);
	}

	public Long getId() {
		return this.id;
	}

	public UUID getFormKey() {
		return this.formKey;
	}

	public long getUnitId() {
		return this.unitId;
	}

	public long getReporterId() {
		return this.reporterId;
	}

	public IncidentStatus getStatus() {
		return this.status;
	}

	public Instant getDetectedAt() {
		return this.detectedAt;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public Platform getPlatform() {
		return this.platform;
	}

	public Category getCategory() {
		return this.category;
	}

	public Integer getSeverity() {
		return this.severity;
	}

	public String getSummary() {
		return this.summary;
	}

	public Integer getReachViews() {
		return this.reachViews;
	}

	public Integer getReachShares() {
		return this.reachShares;
	}

	public Press getPress() {
		return this.press;
	}

	public Long getDirectiveId() {
		return this.directiveId;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Instant getReportDueAt() {
		return this.reportDueAt;
	}

	public Boolean getReportedLate() {
		return this.reportedLate;
	}

	public Instant getTriageDueAt() {
		return this.triageDueAt;
	}

	public Long getReviewerId() {
		return this.reviewerId;
	}

	public Instant getAcceptedAt() {
		return this.acceptedAt;
	}

	public String getEscalatedAgency() {
		return this.escalatedAgency;
	}

	public LocalDate getEscalatedOn() {
		return this.escalatedOn;
	}

	public String getEscalatedReference() {
		return this.escalatedReference;
	}

	public Resolution getResolution() {
		return this.resolution;
	}

	public Instant getResolvedAt() {
		return this.resolvedAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public Instant getRestrictedErasedAt() {
		return this.restrictedErasedAt;
	}

	public List<IncidentUrl> getUrls() {
		return List.copyOf(this.urls);
	}

	public List<PersonInvolved> getPeople() {
		return List.copyOf(this.people);
	}

	public Set<ActionTaken> getActions() {
		return Set.copyOf(this.actions);
	}

	public List<IncidentStep> getSteps() {
		return List.copyOf(this.steps);
	}

	public long getVersion() {
		return this.version;
	}

}
