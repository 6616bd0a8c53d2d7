package vn.edu.portal.incident;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of an incident list, from the query string.
 *
 * @param status one status, or all
 * @param category one category, or all
 * @param severity one level, or all
 * @param platform one platform, or all
 * @param unit a unit's code: its incidents and those below it
 * @param from detected on or after this day
 * @param to detected on or before this day
 * @param pastTarget only those past a target
 * @param q words of the summary or of a URL, with or without diacritics
 * @param page the page, from 0
 */
record IncidentFilter(IncidentStatus status, Category category, Integer severity, Platform platform, String unit,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Boolean pastTarget, String q, Integer page) {

	static final int MAX_PAGE = 10_000;

	int pageOrFirst() {
		return (this.page != null && this.page > 0) ? Math.min(this.page, MAX_PAGE) : 0;
	}

	String text() {
		return (this.q != null) ? this.q.strip() : "";
	}

	boolean onlyPastTarget() {
		return Boolean.TRUE.equals(this.pastTarget);
	}

	boolean isEmpty() {
		return this.status == null && this.category == null && this.severity == null && this.platform == null
				&& (this.unit == null || this.unit.isBlank()) && this.from == null && this.to == null
				&& !onlyPastTarget() && text().isEmpty();
	}

}
