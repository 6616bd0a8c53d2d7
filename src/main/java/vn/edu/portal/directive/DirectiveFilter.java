package vn.edu.portal.directive;

/**
 * The filters of the directive list.
 *
 * @param year the year of issue (or of creation, for drafts)
 * @param type one document type
 * @param status one status
 * @param issuer the issuing unit
 * @param q words of the number, symbol, subject or body, without diacritics if wished
 * @param page the page, from 0
 */
record DirectiveFilter(Integer year, DocumentType type, DirectiveStatus status, Long issuer, String q, Integer page) {

	static final int MAX_PAGE = 10_000;

	int pageNumber() {
		return (this.page != null && this.page > 0) ? Math.min(this.page, MAX_PAGE) : 0;
	}

	String textOrEmpty() {
		return (this.q != null) ? this.q.strip() : "";
	}

}
