package vn.edu.portal.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The days a dashboard counts, from the first to the last, both included.
 *
 * @param kind how it was chosen
 * @param from the first day
 * @param to the last day
 */
record DashboardPeriod(Kind kind, LocalDate from, LocalDate to) {

	/** The longest period: ten years. */
	static final int MAX_YEARS = 10;

	static DashboardPeriod month(int year, int month) {
		YearMonth chosen = YearMonth.of(year, month);
		return new DashboardPeriod(Kind.MONTH, chosen.atDay(1), chosen.atEndOfMonth());
	}

	static DashboardPeriod quarter(int year, int quarter) {
		LocalDate first = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
		return new DashboardPeriod(Kind.QUARTER, first, first.plusMonths(3).minusDays(1));
	}

	/** A school year: September of its first year to May of the next. */
	static DashboardPeriod schoolYear(int startYear) {
		return new DashboardPeriod(Kind.SCHOOL_YEAR, LocalDate.of(startYear, 9, 1), LocalDate.of(startYear + 1, 5, 31));
	}

	static DashboardPeriod year(int year) {
		return new DashboardPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/**
	 * The period before this one, chosen the same way: the month, quarter, school year or
	 * year before; as many days just before a custom period.
	 */
	DashboardPeriod previous() {
		return switch (this.kind) {
			case MONTH -> month(this.from.minusMonths(1).getYear(), this.from.minusMonths(1).getMonthValue());
			case QUARTER -> new DashboardPeriod(Kind.QUARTER, this.from.minusMonths(3), this.from.minusDays(1));
			case SCHOOL_YEAR -> schoolYear(this.from.getYear() - 1);
			case YEAR -> year(this.from.getYear() - 1);
			case CUSTOM -> new DashboardPeriod(Kind.CUSTOM,
					this.from.minusDays(java.time.temporal.ChronoUnit.DAYS.between(this.from, this.to) + 1),
					this.from.minusDays(1));
		};
	}

	/**
	 * The school year a day falls in, or the one that starts after it (June to August).
	 */
	static int schoolYearOf(LocalDate day) {
		return (day.getMonthValue() >= 9) ? day.getYear() : day.getYear() - 1;
	}

	/** How a period is chosen (message keys {@code dashboard.period.*}). */
	enum Kind {

		MONTH, QUARTER, SCHOOL_YEAR, YEAR, CUSTOM

	}

}
