package vn.edu.portal.delivery;

/**
 * The filters of the inbox.
 *
 * @param state one state
 * @param year the year it was delivered
 * @param type one document type
 * @param urgency one urgency
 * @param q words of the number, symbol, subject or text, with or without diacritics
 * @param page the page, from 0
 */
record InboxFilter(State state, Integer year, String type, String urgency, String q, Integer page) {

	static final int MAX_PAGE = 10_000;

	int pageNumber() {
		return (this.page != null && this.page > 0) ? Math.min(this.page, MAX_PAGE) : 0;
	}

	String words() {
		return (this.q != null) ? this.q.strip() : "";
	}

	/** What the inbox filters by. */
	enum State {

		NEW, READ, ACKNOWLEDGED, FORWARDED, ACKNOWLEDGE_LATE, REPORT_SUBMITTED, REPORT_RETURNED, REPORT_ACCEPTED,
		WITHDRAWN

	}

}
