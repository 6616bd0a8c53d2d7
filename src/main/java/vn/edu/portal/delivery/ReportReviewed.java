package vn.edu.portal.delivery;

import java.time.LocalDate;

/**
 * The Department accepted a unit's report, or returned it for revision.
 *
 * @param reportId the report
 * @param assignmentId its assignment
 * @param unitId the unit that reported
 * @param directiveId the directive reported on
 * @param period the period's deadline
 * @param accepted accepted, or returned
 */
public record ReportReviewed(long reportId, long assignmentId, long unitId, long directiveId, LocalDate period,
		boolean accepted) {

}
