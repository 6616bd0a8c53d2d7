package vn.edu.portal.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit trail's search form.
 *
 * @param account the account name, or part of it
 * @param action one action, or empty for all
 * @param from the first day, dd/MM/yyyy
 * @param to the last day, dd/MM/yyyy
 * @param page the page, from 0
 */
record AuditSearch(String account, String action, @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate from,
		@DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate to, Integer page) {

	static final int MAX_PAGE = 10_000;

	/** The page asked for, within what a person can page through. */
	int pageNumber() {
		return (this.page != null && this.page > 0) ? Math.min(this.page, MAX_PAGE) : 0;
	}

	boolean hasAccount() {
		return this.account != null && !this.account.isBlank();
	}

	boolean hasAction() {
		return this.action != null && !this.action.isBlank();
	}

}
