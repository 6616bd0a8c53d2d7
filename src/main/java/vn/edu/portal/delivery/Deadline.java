package vn.edu.portal.delivery;

import java.time.LocalDate;

import vn.edu.portal.calendar.WorkingCalendar;

/**
 * A deadline as the inbox shows it: the day, and the working days left (negative when
 * passed).
 *
 * @param day the deadline
 * @param workingDaysLeft working days from today to it
 * @param passed whether today is after it
 */
record Deadline(LocalDate day, int workingDaysLeft, boolean passed) {

	static Deadline of(LocalDate day, LocalDate today, WorkingCalendar calendar) {
		return (day != null) ? new Deadline(day, calendar.between(today, day), today.isAfter(day)) : null;
	}

	/**
	 * Working days overdue, at least 1 once passed (a Friday deadline seen on the
	 * weekend).
	 */
	public int overdueDays() {
		return Math.max(1, -this.workingDaysLeft);
	}

}
