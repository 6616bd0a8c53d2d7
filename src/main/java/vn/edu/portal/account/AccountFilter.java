package vn.edu.portal.account;

/**
 * The filters of the account list.
 *
 * @param q part of the username or name, without diacritics
 * @param unit a unit code
 * @param role one role
 * @param status one status
 * @param page the page, from 0
 */
record AccountFilter(String q, String unit, Role role, Status status, Integer page) {

	static final int MAX_PAGE = 10_000;

	int pageNumber() {
		return (this.page != null && this.page > 0) ? Math.min(this.page, MAX_PAGE) : 0;
	}

	String unitCodeOrEmpty() {
		return (this.unit != null) ? this.unit.strip() : "";
	}

	String textOrEmpty() {
		return (this.q != null) ? this.q.strip() : "";
	}

	enum Status {

		ACTIVE, DISABLED, LOCKED, MUST_CHANGE

	}

}
