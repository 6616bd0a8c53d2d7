package vn.edu.portal.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a dashboard counts: the scope of a unit, for a period, optionally only the units
 * of one type, or one directive.
 *
 * @param unitId the unit whose scope is counted
 * @param path its path in the tree ("/1/5/"), whose prefix the scope's units share
 * @param period the period
 * @param unitType only the facts of units of this type; {@code null} for all
 * @param directiveId only the facts of this directive; {@code null} for all
 */
record Selection(long unitId, String path, DashboardPeriod period, String unitType, Long directiveId) {

	/** The same choice for another period. */
	Selection forPeriod(DashboardPeriod otherPeriod) {
		return new Selection(this.unitId, this.path, otherPeriod, this.unitType, this.directiveId);
	}

	/**
	 * The first day of the whole months of the period that ended before this month, which
	 * the monthly summary answers for; {@link #monthsUntil} when there are none.
	 */
	LocalDate monthsFrom(LocalDate today) {
		LocalDate from = this.period.from();
		LocalDate first = (from.getDayOfMonth() == 1) ? from : YearMonth.from(from).plusMonths(1).atDay(1);
		LocalDate until = monthsUntil(today);
		return first.isAfter(until) ? until : first;
	}

	/**
	 * The day after those whole months: the first day of the period's last month unless
	 * the period ends with it, and never after the first day of this month, since what is
	 * overdue in this month depends on the day.
	 */
	LocalDate monthsUntil(LocalDate today) {
		LocalDate to = this.period.to();
		LocalDate end = (to.equals(YearMonth.from(to).atEndOfMonth())) ? to.plusDays(1) : YearMonth.from(to).atDay(1);
		LocalDate thisMonth = YearMonth.from(today).atDay(1);
		return end.isAfter(thisMonth) ? thisMonth : end;
	}

}
