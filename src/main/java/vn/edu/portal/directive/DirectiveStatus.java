package vn.edu.portal.directive;

/**
 * The lifecycle of domain.md §2 as far as drafting and publication go; a recalled
 * directive keeps its number in the register.
 */
enum DirectiveStatus {

	DRAFT, PENDING_APPROVAL, PUBLISHED, RECALLED

}
