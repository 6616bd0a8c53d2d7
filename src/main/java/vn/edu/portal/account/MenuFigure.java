package vn.edu.portal.account;

/**
 * A figure the menu shows on every page (the unread directives beside "Văn bản đến", the
 * bell's count), contributed by the module that owns it. All of a page's figures are read
 * in one statement, with the account's scope ({@link MenuFigures}), inside the page's
 * transaction: exact on every page, at one round trip for all of them.
 */
public interface MenuFigure {

	/** The model attribute the layout reads. */
	String name();

	/**
	 * A scalar query for the figure, with the named parameters {@code :account} (the
	 * account's id) and {@code :unit} (its unit's id).
	 */
	String sql();

	/** Whether the figure means anything for the account. */
	default boolean appliesTo(CurrentUser user) {
		return true;
	}

}
