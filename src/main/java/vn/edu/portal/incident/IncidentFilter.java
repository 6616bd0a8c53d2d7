package vn.edu.portal.incident;

import java.time.LocalDate;

import vn.edu.portal.system.Formats;

/**
 * The filters of an incident list, from the query string.
 *
 * @param status one status, or all
 * @param category one category, or all
 * @param severity one level, or all
 * @param platform one platform, or all
 * @param unit a unit's code: its incidents and those below it
 * @param from detected on or after this day (dd/MM/yyyy)
 * @param to detected on or before this day (dd/MM/yyyy)
 * @param pastTarget only those past a target
 * @param q words of the summary or of a URL, with or without diacritics
 * @param page the page, from 0
 */
record IncidentFilter(IncidentStatus status, Category category, Integer severity, Platform platform, String unit,
		String from, String to, Boolean pastTarget, String q, Integer page) {

	static final int MAX_PAGE = 10_000;

	int pageOrFirst() {
		return (this.page != null && this.page > 0) ? Math.min(this.page, MAX_PAGE) : 0;
	}

	String text() {
		return (this.q != null) ? this.q.strip() : "";
	}

	/** The first day, if one was typed as dd/MM/yyyy. */
	LocalDate fromDay() {
		return day(this.from);
	}

	/** The last day, if one was typed as dd/MM/yyyy. */
	LocalDate toDay() {
		return day(this.to);
	}

	/** Whether the first day typed is no day. */
	public boolean badFrom() {
		return this.from != null && !this.from.isBlank() && fromDay() == null;
	}

	/** Whether the last day typed is no day. */
	public boolean badTo() {
		return this.to != null && !this.to.isBlank() && toDay() == null;
	}

	private static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Formats.parseDayMonthYear(text.strip());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	public boolean onlyPastTarget() {
		return Boolean.TRUE.equals(this.pastTarget);
	}

	/** Whether anything but the words narrows the list. */
	public boolean narrows() {
		return this.status != null || this.category != null || this.severity != null || this.platform != null
				|| (this.unit != null && !this.unit.isBlank()) || fromDay() != null || toDay() != null || badFrom()
				|| badTo() || onlyPastTarget();
	}

}
