package vn.edu.portal.account;

/**
 * A group of the home page's "Việc cần làm", contributed by the module that owns the work
 * (as {@link MenuFigure}s are): the directives to acknowledge, the reports to review, the
 * incidents to triage. The home page reads every group that applies to the account in one
 * statement; each group's query is the rows of its work, in any order (the page orders
 * them, the most urgent first, and counts them), with the columns:
 * <ul>
 * <li>{@code action} (text): what to do, the message {@code home.todo.action.<action>},
 * given {@code figure} as its argument;</li>
 * <li>{@code title} (text): what it is about (a directive's number and subject, a unit's
 * name);</li>
 * <li>{@code link} (text): the portal's path where it is done;</li>
 * <li>{@code deadline} (date, may be null): when it is due, shown in working days;</li>
 * <li>{@code urgency} (int): 0 first (past its deadline, or urgent), then 1, 2...;</li>
 * <li>{@code figure} (bigint, may be null): a number the action's message shows.</li>
 * </ul>
 * Its named parameters: {@code :account} (the account's id), {@code :unit} (its unit's
 * id), {@code :scope} (the path of the account's scope, "/1/5/", which every unit of it
 * starts with), {@code :today} (a date, in the portal's zone), {@code :now} and
 * {@code :zone} (the portal's time zone).
 */
public interface TodoGroup {

	/** The group's key: its heading is the message {@code home.todo.<key>}. */
	String key();

	/** Whether the account has this kind of work. */
	boolean appliesTo(CurrentUser user);

	/** The query of the group's rows (see above). */
	String sql();

	/** Where the whole list is, when the page shows only the first rows; or none. */
	default String more() {
		return null;
	}

	/**
	 * Whether its rows are work to do (the page says "nothing to do" when no such group
	 * has any), or a figure to know.
	 */
	default boolean isWork() {
		return true;
	}

	/** Where the group stands on the page: the lowest first. */
	default int order() {
		return 100;
	}

}
