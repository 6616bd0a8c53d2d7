package vn.edu.portal.directive;

import java.util.List;

/**
 * Who else a directive reached after its publication (the units an office forwarded it
 * to): implemented by the delivery, so that the one visibility rule of
 * {@link DirectiveAccess} lets those units read it too. The units of the top two levels
 * of the tree that an audience's units lie under are also kept in {@code directive_reach}
 * by the triggers of the tables it reads (V59), which the lists of readers at those
 * levels look up.
 */
public interface DirectiveAudience {

	/**
	 * An SQL condition on the directive aliased {@code d}: true when it reached a unit
	 * whose materialised path starts with the parameter {@code :scope}.
	 */
	String reachedCondition();

	/**
	 * The same condition as sets of directive ids ({@code select directive_id ...}), each
	 * found from the units under the scope alone, for a list of directives: see
	 * {@link DirectiveAccess}. The units are those whose path lies in the range from
	 * {@code :scope} to {@code :scopeEnd}, asked as
	 * {@code units_in_path_range(:scope, :scopeEnd)} (V64), which a plan kept for every
	 * reader finds in the path index and estimates at a few units.
	 */
	List<String> reachedSets();

}
