package vn.edu.portal.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.util.Assert;

/**
 * An implementation report of one assignment for one period: drafted (by staff or the
 * leader), submitted by the leader (late ones accepted and marked), then accepted or
 * returned by the Department, revised and submitted again.
 */
@Entity
@Table(name = "report")
class Report {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long assignmentId;

	private LocalDate periodDue;

	@Enumerated(EnumType.STRING)
	private ReportStatus status;

	private String figures;

	private int revision;

	private Instant updatedAt;

	private long updatedBy;

	private Instant submittedAt;

	private Long submittedBy;

	private Boolean submittedLate;

	private Instant reviewedAt;

	private Long reviewedBy;

	private String reviewComment;

	private String submittedNarrative;

	@ElementCollection
	@CollectionTable(name = "report_task", joinColumns = @JoinColumn(name = "report_id"))
	@OrderColumn(name = "position")
	private List<ReportEntry> tasks = new ArrayList<>();

	@Version
	private long version;

	protected Report() {
	}

	Report(long assignmentId, LocalDate periodDue, List<ReportEntry> tasks, String figures, long by, Instant at) {
		this.assignmentId = assignmentId;
		this.periodDue = periodDue;
		this.status = ReportStatus.DRAFT;
		write(tasks, figures, by, at);
	}

	/**
	 * Changes the text, while it is with the unit (a draft, or returned for revision).
	 */
	void write(List<ReportEntry> newTasks, String newFigures, long by, Instant at) {
		Assert.state(isWithTheUnit(), "a submitted report is not changed");
		this.tasks.clear();
		this.tasks.addAll(newTasks);
		this.figures = newFigures;
		this.updatedAt = at;
		this.updatedBy = by;
	}

	/**
	 * Submits it to the Department as a new revision; after the deadline it is accepted
	 * and marked late.
	 */
	void submit(long by, Instant at, LocalDate today) {
		Assert.state(isWithTheUnit(), "only a report with the unit is submitted");
		this.status = ReportStatus.SUBMITTED;
		this.revision++;
		this.submittedAt = at;
		this.submittedBy = by;
		this.submittedNarrative = narrativeOf(this.tasks);
		if (this.revision == 1) {
			// Lateness is the first submission's: a report sent on time and returned
			// after
			// the deadline is not late.
			this.submittedLate = today.isAfter(this.periodDue);
		}
		this.reviewedAt = null;
		this.reviewedBy = null;
		this.reviewComment = null;
	}

	/**
	 * The narratives of all tasks together, as compared with other units' reports;
	 * {@code null} when none says anything.
	 */
	private static String narrativeOf(List<ReportEntry> tasks) {
		String joined = tasks.stream()
			.map(ReportEntry::narrative)
			.filter((narrative) -> narrative != null && !narrative.isBlank())
			.map(String::strip)
			.collect(java.util.stream.Collectors.joining("\n\n"));
		return joined.isEmpty() ? null : joined;
	}

	void accept(long by, Instant at) {
		Assert.state(this.status == ReportStatus.SUBMITTED, "only a submitted report is accepted");
		this.status = ReportStatus.ACCEPTED;
		review(by, at, null);
	}

	void returnForRevision(String comment, long by, Instant at) {
		Assert.state(this.status == ReportStatus.SUBMITTED, "only a submitted report is returned");
		Assert.hasText(comment, "a return says why");
		this.status = ReportStatus.RETURNED;
		review(by, at, comment);
	}

	private void review(long by, Instant at, String comment) {
		this.reviewedAt = at;
		this.reviewedBy = by;
		this.reviewComment = comment;
	}

	public boolean isWithTheUnit() {
		return this.status == ReportStatus.DRAFT || this.status == ReportStatus.RETURNED;
	}

	public Long getId() {
		return this.id;
	}

	public long getAssignmentId() {
		return this.assignmentId;
	}

	public LocalDate getPeriodDue() {
		return this.periodDue;
	}

	public ReportStatus getStatus() {
		return this.status;
	}

	public String getFigures() {
		return this.figures;
	}

	public int getRevision() {
		return this.revision;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public boolean isSubmittedLate() {
		return Boolean.TRUE.equals(this.submittedLate);
	}

	/** What its tasks said when last submitted, all together, or {@code null}. */
	public String getSubmittedNarrative() {
		return this.submittedNarrative;
	}

	public String getReviewComment() {
		return this.reviewComment;
	}

	public List<ReportEntry> getTasks() {
		return List.copyOf(this.tasks);
	}

	public long getVersion() {
		return this.version;
	}

}
