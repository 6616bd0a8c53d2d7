package vn.edu.portal.organisation;

/**
 * The materialised path of the subtree the signed-in account may see ("/" for
 * everything). Implemented by the account module's scope policy, so that the unit
 * administration obeys the same scope rule as every other feature without depending on
 * accounts.
 */
public interface CurrentScope {

	String path();

	default boolean isEverything() {
		return "/".equals(path());
	}

}
