package vn.edu.portal.directive;

/**
 * The lifecycle of domain.md §2; a recalled directive keeps its number in the register.
 */
enum DirectiveStatus {

	DRAFT, PENDING_APPROVAL, PUBLISHED, CLOSED, RECALLED;

	boolean isIssued() {
		return this == PUBLISHED || this == CLOSED || this == RECALLED;
	}

}
