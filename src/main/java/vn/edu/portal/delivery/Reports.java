package vn.edu.portal.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.SmartValidator;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.DirectiveCatalog;

/**
 * Implementation reports for other modules (the API), under the same rules as the report
 * page: the unit's own reports, or those its Department reviews once submitted; any other
 * answers 404. A unit's leader submits them with the form's checks and messages.
 */
@Service
public class Reports {

	private final ReportService reports;

	private final JdbcClient jdbc;

	private final DeliveryService delivery;

	private final DirectiveCatalog directives;

	private final InboxQueries queries;

	private final SmartValidator validator;

	Reports(ReportService reports, JdbcClient jdbc, DeliveryService delivery, DirectiveCatalog directives,
			InboxQueries queries, SmartValidator validator) {
		this.reports = reports;
		this.jdbc = jdbc;
		this.delivery = delivery;
		this.directives = directives;
		this.queries = queries;
		this.validator = validator;
	}

	/**
	 * The periods an assignment of the account's unit owes reports for, each with its
	 * report if one was started; another unit's assignment answers 404.
	 */
	@Transactional(readOnly = true)
	public List<PeriodView> periods(CurrentUser user, long assignmentId) {
		List<LocalDate> owed = this.reports.periods(user, assignmentId);
		Map<LocalDate, InboxQueries.ReportLine> started = this.queries.reportsOf(assignmentId);
		return owed.stream().map((period) -> {
			InboxQueries.ReportLine line = started.get(period);
			return (line != null) ? new PeriodView(period, line.id(), line.status().name(), line.late())
					: new PeriodView(period, null, "NOT_STARTED", false);
		}).toList();
	}

	/**
	 * Submits a period's report as the unit's leader does on the page, replacing what was
	 * saved: one row per task of the directive, in order. A report submitted already (a
	 * retry) is left as it is.
	 * @return whether it was submitted now, and the report
	 * @throws BindException what is wrong, field by field, with the form's message codes
	 */
	public Submission submit(CurrentUser user, long assignmentId, LocalDate period, List<ReportView.Task> tasks,
			String figures) throws BindException {
		int taskCount = this.directives.reportPlan(this.delivery.own(user, assignmentId).getDirectiveId())
			.tasks()
			.size();
		List<ReportForm.Row> rows = (tasks != null) ? tasks.stream()
			.map((task) -> (task != null) ? new ReportForm.Row(progress(task.status()), task.narrative()) : null)
			.toList() : List.of();
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(new ReportForm(rows, figures, null), "report");
		this.validator.validate(errors.getTarget(), errors);
		ReportForm form = (ReportForm) errors.getTarget();
		if (!form.fits(taskCount)) {
			errors.reject("report.api.tasks", new Object[] { taskCount }, null);
		}
		if (errors.hasErrors()) {
			throw new BindException(errors);
		}
		boolean now;
		try {
			now = submitted(user, assignmentId, period, form);
		}
		catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException conflict) {
			// Someone of the unit saved or submitted the same report at that moment.
			errors.reject("report.conflict");
			throw new BindException(errors);
		}
		catch (DeliveryRefused refused) {
			errors.reject(refused.messageKey());
			throw new BindException(errors);
		}
		Report report = this.reports.find(user, assignmentId, period);
		return new Submission(now, report(user, report.getId()));
	}

	private boolean submitted(CurrentUser user, long assignmentId, LocalDate period, ReportForm form) {
		Report saved = this.reports.find(user, assignmentId, period);
		return this.reports.submit(user, assignmentId, period, form.entries(), form.figuresOrNull(),
				(saved != null) ? saved.getVersion() : null);
	}

	private static ReportEntry.TaskProgress progress(String status) {
		try {
			return (status != null) ? ReportEntry.TaskProgress.valueOf(status) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A report the account may read, with its tasks, or 404. */
	@Transactional(readOnly = true)
	public ReportView report(CurrentUser user, long reportId) {
		Report report = this.reports.forReading(user, reportId);
		record Owner(long directiveId, long unitId) {
		}
		Owner owner = this.jdbc.sql("select directive_id, unit_id from assignment where id = ?")
			.param(report.getAssignmentId())
			.query((rs, i) -> new Owner(rs.getLong("directive_id"), rs.getLong("unit_id")))
			.single();
		return new ReportView(report.getId(), report.getAssignmentId(), owner.directiveId(), owner.unitId(),
				report.getPeriodDue(), report.getStatus().name(), report.getRevision(), report.getSubmittedAt(),
				report.isSubmittedLate(), report.getFigures(), report.getReviewComment(),
				report.getTasks()
					.stream()
					.map((task) -> new ReportView.Task(task.status().name(), task.narrative()))
					.toList());
	}

	/**
	 * A period a unit owes a report for.
	 *
	 * @param period the deadline of the period
	 * @param reportId its report, or {@code null} before the first save
	 * @param status NOT_STARTED, DRAFT, SUBMITTED, RETURNED or ACCEPTED
	 * @param submittedLate whether submitted after the deadline
	 */
	public record PeriodView(LocalDate period, Long reportId, String status, boolean submittedLate) {
	}

	/**
	 * What a submission did.
	 *
	 * @param submittedNow {@code false} when it had been submitted already
	 * @param report the report as it is now
	 */
	public record Submission(boolean submittedNow, ReportView report) {
	}

	/**
	 * An implementation report.
	 *
	 * @param id its id
	 * @param assignmentId the assignment it reports on
	 * @param directiveId the directive
	 * @param unitId the reporting unit
	 * @param periodDue the deadline of the period it covers
	 * @param status DRAFT, SUBMITTED, RETURNED or ACCEPTED
	 * @param revision how many times it was submitted
	 * @param submittedAt when it was last submitted, or {@code null}
	 * @param submittedLate whether after its deadline
	 * @param figures the figures it gives, or {@code null}
	 * @param reviewComment the Department's comment when returned, or {@code null}
	 * @param tasks what it says of each task of the directive, in order
	 */
	public record ReportView(long id, long assignmentId, long directiveId, long unitId, LocalDate periodDue,
			String status, int revision, Instant submittedAt, boolean submittedLate, String figures,
			String reviewComment, List<Task> tasks) {

		/**
		 * What a report says of one task.
		 *
		 * @param status DONE, IN_PROGRESS or NOT_STARTED
		 * @param narrative what was done
		 */
		public record Task(String status, String narrative) {
		}

	}

}
