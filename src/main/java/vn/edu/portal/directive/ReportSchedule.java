package vn.edu.portal.directive;

/** When implementation reports are due: never, once by a date, or on a schedule. */
enum ReportSchedule {

	NONE, ONCE, MONTHLY, QUARTERLY, SEMESTER;

	boolean repeats() {
		return this == MONTHLY || this == QUARTERLY || this == SEMESTER;
	}

}
