package vn.edu.portal.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;

/**
 * Implementation reports for other modules (the API), under the same rules as the report
 * page: the unit's own reports, or those its Department reviews once submitted; any other
 * answers 404.
 */
@Service
public class Reports {

	private final ReportService reports;

	private final JdbcClient jdbc;

	Reports(ReportService reports, JdbcClient jdbc) {
		this.reports = reports;
		this.jdbc = jdbc;
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
