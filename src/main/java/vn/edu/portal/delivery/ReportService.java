package vn.edu.portal.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.system.FileKind;
import vn.edu.portal.system.FileStore;
import vn.edu.portal.system.Formats;

/**
 * Implementation reports: the unit's staff and leaders draft, the leader submits, a
 * department officer accepts or returns; every submission is kept as it was. A unit works
 * only on its own assignments' reports (404 otherwise); a reviewer only on its
 * Department's directives.
 */
@Service
class ReportService {

	static final String AUDIT_TYPE = "REPORT";

	static final long MAX_BYTES = 20L * 1024 * 1024;

	static final Set<FileKind> ATTACHABLE = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.XLSX, FileKind.PNG,
			FileKind.JPEG, FileKind.WEBP, FileKind.GIF);

	private final ReportRepository reports;

	private final DeliveryService delivery;

	private final DirectiveCatalog directives;

	private final ScopePolicy scope;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final Formats formats;

	private final FileStore files;

	private final InboxQueries queries;

	private final AssignmentRepository assignments;

	private final ApplicationEventPublisher events;

	private final DeliveryProperties properties;

	private final ReportResemblances resemblances;

	ReportService(ReportRepository reports, DeliveryService delivery, DirectiveCatalog directives, ScopePolicy scope,
			AuditLog audit, JdbcClient jdbc, JsonMapper json, Clock clock, Formats formats, FileStore files,
			InboxQueries queries, AssignmentRepository assignments, ApplicationEventPublisher events,
			DeliveryProperties properties, ReportResemblances resemblances) {
		this.properties = properties;
		this.resemblances = resemblances;
		this.assignments = assignments;
		this.events = events;
		this.files = files;
		this.queries = queries;
		this.reports = reports;
		this.delivery = delivery;
		this.directives = directives;
		this.scope = scope;
		this.audit = audit;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.formats = formats;
	}

	/** The periods the account's unit owes for an assignment, with its reports. */
	@Transactional(readOnly = true)
	List<LocalDate> periods(CurrentUser user, long assignmentId) {
		Assignment assignment = this.delivery.own(user, assignmentId);
		if (!"IMPLEMENT".equals(assignment.getRole()) || assignment.isWithdrawn()) {
			return List.of();
		}
		// The periods the plan asks for now, and those already reported on (before an
		// amendment moved the plan), in date order.
		java.util.TreeSet<LocalDate> periods = new java.util.TreeSet<>(
				ReportPeriods.owed(this.directives.reportPlan(assignment.getDirectiveId()), assignment.getDueOn()));
		periods.addAll(this.queries.reportsOf(assignmentId).keySet());
		return List.copyOf(periods);
	}

	/**
	 * The report of a period owed, or {@code null} before its first save; 404 if not
	 * owed.
	 */
	@Transactional(readOnly = true)
	Report find(CurrentUser user, long assignmentId, LocalDate period) {
		owed(user, assignmentId, period);
		return this.reports.findByAssignmentIdAndPeriodDue(assignmentId, period).map((report) -> {
			report.getTasks();
			return report;
		}).orElse(null);
	}

	/** Saves the draft: staff and leaders of the unit. */
	@Transactional
	Report save(CurrentUser user, long assignmentId, LocalDate period, List<ReportEntry> entries, String figures,
			Long version) {
		if (!this.scope.permits(user, Permission.DRAFT_FOR_UNIT)) {
			throw new AccessDeniedException("only the unit's people write its reports");
		}
		owed(user, assignmentId, period);
		Instant now = this.clock.instant();
		Report report = this.reports.findByAssignmentIdAndPeriodDue(assignmentId, period).orElse(null);
		if (report == null) {
			report = this.reports.save(new Report(assignmentId, period, entries, figures, user.id(), now));
			this.audit.record("REPORT_DRAFTED", AUDIT_TYPE, report.getId(), Map.of("period", period.toString()));
			return report;
		}
		if (version == null || report.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(Report.class, report.getId());
		}
		if (!report.isWithTheUnit()) {
			throw new DeliveryRefused(null, "report.alreadySubmitted");
		}
		report.write(entries, figures, user.id(), now);
		return report;
	}

	/**
	 * The leader submits the report as it is written now; a second submission of the same
	 * text (a double click, a retry) changes nothing.
	 * @return {@code false} when it was submitted already
	 */
	@Transactional
	boolean submit(CurrentUser user, long assignmentId, LocalDate period, List<ReportEntry> entries, String figures,
			Long version) {
		if (!this.scope.permits(user, Permission.ACT_FOR_UNIT)) {
			throw new AccessDeniedException("only the unit's leaders submit");
		}
		owed(user, assignmentId, period);
		Report existing = this.reports.findByAssignmentIdAndPeriodDue(assignmentId, period).orElse(null);
		if (existing != null && !existing.isWithTheUnit()) {
			return false;
		}
		Report report = save(user, assignmentId, period, entries, figures, version);
		Instant now = this.clock.instant();
		report.submit(user.id(), now, this.formats.today());
		this.reports.flush();
		this.jdbc.sql("""
				insert into report_revision (report_id, revision, submitted_at, submitted_by, submitted_late, content)
				values (?, ?, ?, ?, ?, cast(? as jsonb))
				""")
			.params(report.getId(), report.getRevision(), Timestamp.from(now), user.id(), report.isSubmittedLate(),
					this.json.writeValueAsString(new Submitted(report.getTasks(), report.getFigures())))
			.update();
		this.audit.record("REPORT_SUBMITTED", AUDIT_TYPE, report.getId(),
				Map.of("revision", report.getRevision(), "late", report.isSubmittedLate()));
		this.resemblances.compare(report, now);
		return true;
	}

	/**
	 * Attaches a file to a report the unit is writing (saved at least once): PDF, DOCX,
	 * XLSX or an image, up to 20 MB, recognised by its content, up to
	 * {@code portal.delivery.max-report-files} files. The report's row is locked while
	 * its files are counted, so that two uploads at once cannot pass the limit together.
	 */
	@Transactional
	FileStore.StoredFile attach(CurrentUser user, long assignmentId, LocalDate period, String name,
			java.nio.file.Path file) {
		Report report = writable(user, assignmentId, period);
		this.jdbc.sql("select id from report where id = ? for update").param(report.getId()).query(Long.class).single();
		if (this.files.of(owner(report.getId())).size() >= this.properties.maxReportFiles()) {
			throw new DeliveryRefused("file", "report.file.TOO_MANY");
		}
		try {
			FileStore.StoredFile stored = this.files.store(owner(report.getId()), "ATTACHMENT", name, file, ATTACHABLE,
					MAX_BYTES, user.id());
			this.audit.record("REPORT_FILE_ADDED", AUDIT_TYPE, report.getId(),
					Map.of("file", stored.fileName(), "sha256", stored.sha256()));
			return stored;
		}
		catch (FileStore.FileRefused refused) {
			throw new DeliveryRefused("file", "report.file." + refused.reason().name());
		}
	}

	@Transactional
	void detach(CurrentUser user, long assignmentId, LocalDate period, long fileId) {
		Report report = writable(user, assignmentId, period);
		if (this.files.remove(owner(report.getId()), fileId)) {
			this.audit.record("REPORT_FILE_REMOVED", AUDIT_TYPE, report.getId(), Map.of("file", fileId));
		}
	}

	/** How many files a report holds. */
	int maxFiles() {
		return this.properties.maxReportFiles();
	}

	/** The files of a report. */
	List<FileStore.StoredFile> files(long reportId) {
		return this.files.of(owner(reportId));
	}

	/** A file of a report the account may read, or 404. */
	@Transactional(readOnly = true)
	FileStore.StoredFile file(CurrentUser user, long reportId, long fileId) {
		forReading(user, reportId);
		return this.files.find(owner(reportId), fileId).orElseThrow(() -> new AssignmentNotFoundException(reportId));
	}

	private Report writable(CurrentUser user, long assignmentId, LocalDate period) {
		if (!this.scope.permits(user, Permission.DRAFT_FOR_UNIT)) {
			throw new AccessDeniedException("only the unit's people write its reports");
		}
		owed(user, assignmentId, period);
		Report report = this.reports.findByAssignmentIdAndPeriodDue(assignmentId, period)
			.orElseThrow(() -> new DeliveryRefused("file", "report.file.saveFirst"));
		if (!report.isWithTheUnit()) {
			throw new DeliveryRefused("file", "report.alreadySubmitted");
		}
		return report;
	}

	private static FileStore.Owner owner(long reportId) {
		return new FileStore.Owner("REPORT", reportId);
	}

	/**
	 * A report the account may read: its unit's, or one its Department reviews; else 404.
	 */
	@Transactional(readOnly = true)
	Report forReading(CurrentUser user, long reportId) {
		Report report = this.reports.findById(reportId).orElseThrow(() -> new AssignmentNotFoundException(reportId));
		if (!isReviewer(user, report) && !isOwnUnits(user, report)) {
			throw new AssignmentNotFoundException(reportId);
		}
		report.getTasks();
		return report;
	}

	@Transactional
	void accept(CurrentUser user, long reportId, long version) {
		Report report = forReview(user, reportId, version);
		Instant now = this.clock.instant();
		report.accept(user.id(), now);
		recordOutcome(report, "ACCEPTED", user, now, null);
	}

	@Transactional
	void returnForRevision(CurrentUser user, long reportId, long version, String comment) {
		Report report = forReview(user, reportId, version);
		Instant now = this.clock.instant();
		report.returnForRevision(comment, user.id(), now);
		recordOutcome(report, "RETURNED", user, now, comment);
	}

	/**
	 * The other units' reports this one resembles: for its reviewer alone (see
	 * {@link #isReviewer}).
	 */
	List<ReportResemblances.Resemblance> resemblances(Report report) {
		return this.resemblances.of(report);
	}

	/** Every submitted version of a report, as it was, with its review. */
	List<Revision> revisions(long reportId) {
		return this.jdbc
			.sql("""
					select r.revision, r.submitted_at, s.full_name as submitted_by, r.submitted_late, r.content::text,
					       r.outcome, r.reviewed_at, v.full_name as reviewed_by, r.review_comment
					from report_revision r join account s on s.id = r.submitted_by left join account v on v.id = r.reviewed_by
					where r.report_id = ? order by r.revision desc
					""")
			.param(reportId)
			.query((rs, i) -> new Revision(rs.getInt("revision"), rs.getTimestamp("submitted_at").toInstant(),
					rs.getString("submitted_by"), rs.getBoolean("submitted_late"),
					this.json.readValue(rs.getString("content"), Submitted.class), rs.getString("outcome"),
					(rs.getTimestamp("reviewed_at") != null) ? rs.getTimestamp("reviewed_at").toInstant() : null,
					rs.getString("reviewed_by"), rs.getString("review_comment")))
			.list();
	}

	/**
	 * A department officer or leader of the Department that issued the directive, once
	 * the report was submitted (drafts are the unit's own).
	 */
	boolean isReviewer(CurrentUser user, Report report) {
		return report.getRevision() > 0 && this.scope.permits(user, Permission.REVIEW) && this.jdbc.sql("""
				select exists (select 1 from report r join unit iu on iu.id = r.issuer_unit_id
				               where r.id = ? and iu.path like ? || '%')
				""").param(report.getId()).param(this.scope.scopeOf(user).path()).query(Boolean.class).single();
	}

	private boolean isOwnUnits(CurrentUser user, Report report) {
		return this.queries.actsFor(user.unitId(), report.getAssignmentId());
	}

	private Report forReview(CurrentUser user, long reportId, long version) {
		Report report = this.reports.findById(reportId).orElseThrow(() -> new AssignmentNotFoundException(reportId));
		if (!isReviewer(user, report)) {
			if (isOwnUnits(user, report)) {
				throw new AccessDeniedException("a unit does not review its own report");
			}
			throw new AssignmentNotFoundException(reportId);
		}
		if (report.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(Report.class, reportId);
		}
		if (report.getStatus() != ReportStatus.SUBMITTED) {
			throw new DeliveryRefused(null, "report.notSubmitted");
		}
		return report;
	}

	private void recordOutcome(Report report, String outcome, CurrentUser user, Instant at, String comment) {
		this.jdbc.sql("""
				update report_revision set outcome = ?, reviewed_at = ?, reviewed_by = ?, review_comment = ?
				where report_id = ? and revision = ?
				""")
			.params(outcome, Timestamp.from(at), user.id(), comment, report.getId(), report.getRevision())
			.update();
		this.audit.record("REPORT_" + outcome, AUDIT_TYPE, report.getId(), Map.of("revision", report.getRevision()));
		Assignment assignment = this.assignments.findById(report.getAssignmentId()).orElseThrow();
		this.events.publishEvent(new ReportReviewed(report.getId(), assignment.getId(), assignment.getUnitId(),
				assignment.getDirectiveId(), report.getPeriodDue(), outcome.equals("ACCEPTED")));
	}

	private void owed(CurrentUser user, long assignmentId, LocalDate period) {
		if (!periods(user, assignmentId).contains(period)) {
			throw new AssignmentNotFoundException(assignmentId);
		}
	}

	/**
	 * A report as submitted.
	 *
	 * @param tasks each task's status and narrative
	 * @param figures the figures given
	 */
	record Submitted(List<ReportEntry> tasks, String figures) {
	}

	/**
	 * A submitted version.
	 *
	 * @param revision its number, from 1
	 * @param submittedAt when
	 * @param submittedBy who
	 * @param late whether after the deadline
	 * @param content what it said
	 * @param outcome ACCEPTED or RETURNED, or {@code null} while awaiting review
	 * @param reviewedAt when reviewed
	 * @param reviewedBy who reviewed
	 * @param reviewComment why it was returned
	 */
	record Revision(int revision, Instant submittedAt, String submittedBy, boolean late, Submitted content,
			String outcome, Instant reviewedAt, String reviewedBy, String reviewComment) {
	}

}
