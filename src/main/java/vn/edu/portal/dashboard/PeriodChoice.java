package vn.edu.portal.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import vn.edu.portal.system.Formats;

/**
 * The period asked for, as typed, and the period it makes or why it makes none.
 *
 * @param kind month, quarter, school year, calendar year or custom
 * @param year the year (of a school year, its first)
 * @param month the month, 1 to 12
 * @param quarter the quarter, 1 to 4
 * @param from the first day of a custom period, dd/MM/yyyy
 * @param to its last day
 * @param period the period; {@code null} when the input makes none
 * @param error the message key of what is wrong, or {@code null}
 */
record PeriodChoice(DashboardPeriod.Kind kind, String year, String month, String quarter, String from, String to,
		DashboardPeriod period, String error) {

	static PeriodChoice of(String kind, String year, String month, String quarter, String from, String to,
			LocalDate today) {
		DashboardPeriod.Kind chosen = DashboardPeriod.Kind.SCHOOL_YEAR;
		try {
			if (kind != null && !kind.isBlank()) {
				chosen = DashboardPeriod.Kind.valueOf(kind);
			}
		}
		catch (IllegalArgumentException ex) {
			return new PeriodChoice(chosen, year, month, quarter, from, to, null, "dashboard.period.invalid");
		}
		int defaultYear = (chosen == DashboardPeriod.Kind.SCHOOL_YEAR) ? DashboardPeriod.schoolYearOf(today)
				: today.getYear();
		String y = blank(year) ? String.valueOf(defaultYear) : year.strip();
		String m = blank(month) ? String.valueOf(today.getMonthValue()) : month.strip();
		String q = blank(quarter) ? String.valueOf((today.getMonthValue() - 1) / 3 + 1) : quarter.strip();
		try {
			DashboardPeriod period = switch (chosen) {
				case MONTH -> DashboardPeriod.month(number(y, 2000, 2100), number(m, 1, 12));
				case QUARTER -> DashboardPeriod.quarter(number(y, 2000, 2100), number(q, 1, 4));
				case SCHOOL_YEAR -> DashboardPeriod.schoolYear(number(y, 2000, 2100));
				case YEAR -> DashboardPeriod.year(number(y, 2000, 2100));
				case CUSTOM -> custom(from, to);
			};
			return new PeriodChoice(chosen, y, m, q, from, to, period, null);
		}
		catch (Refused refused) {
			return new PeriodChoice(chosen, y, m, q, from, to, null, refused.getMessage());
		}
	}

	private static DashboardPeriod custom(String from, String to) {
		LocalDate first = day(from);
		LocalDate last = day(to);
		if (last.isBefore(first)) {
			throw new Refused("dashboard.period.endBeforeStart");
		}
		if (ChronoUnit.YEARS.between(first, last.plusDays(1)) > DashboardPeriod.MAX_YEARS
				|| first.plusYears(DashboardPeriod.MAX_YEARS).isBefore(last)) {
			throw new Refused("dashboard.period.tooLong");
		}
		return new DashboardPeriod(DashboardPeriod.Kind.CUSTOM, first, last);
	}

	private static LocalDate day(String text) {
		if (blank(text)) {
			throw new Refused("dashboard.period.daysNeeded");
		}
		try {
			return Formats.parseDayMonthYear(text.strip());
		}
		catch (RuntimeException ex) {
			throw new Refused("dashboard.period.badDay");
		}
	}

	private static int number(String text, int min, int max) {
		try {
			int value = Integer.parseInt(text);
			if (value < min || value > max) {
				throw new Refused("dashboard.period.invalid");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new Refused("dashboard.period.invalid");
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** An input that makes no period, with the message key of why. */
	private static final class Refused extends RuntimeException {

		Refused(String messageKey) {
			super(messageKey);
		}

	}

}
