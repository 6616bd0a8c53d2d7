package vn.edu.portal.delivery;

import java.time.LocalDate;

import vn.edu.portal.calendar.WorkingCalendar;

/**
 * A deadline as the inbox shows it: the day, and the working days left (negative when
 * passed).
 *
 * @param day the deadline
 * @param workingDaysLeft working days from today to it
 */
record Deadline(LocalDate day, int workingDaysLeft) {

	static Deadline of(LocalDate day, LocalDate today, WorkingCalendar calendar) {
		return (day != null) ? new Deadline(day, calendar.between(today, day)) : null;
	}

	public boolean passed() {
		return this.workingDaysLeft < 0;
	}

	public int overdueDays() {
		return -this.workingDaysLeft;
	}

}
