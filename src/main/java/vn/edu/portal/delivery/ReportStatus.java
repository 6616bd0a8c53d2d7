package vn.edu.portal.delivery;

/** Where a report stands: with the unit (draft, returned), or with the Department. */
enum ReportStatus {

	DRAFT, SUBMITTED, RETURNED, ACCEPTED

}
