package vn.edu.portal.account;

/**
 * The units an account may see and act for: a subtree of the unit tree as it is today,
 * given by the materialised path of its root. Set-based queries filter with
 * {@code unit.path like :path || '%'}.
 *
 * @param rootUnitId the root of the subtree, or {@code null} for the whole tree
 * @param path the root's path ("/1/"), or "/" for the whole tree
 */
public record UnitScope(Long rootUnitId, String path) {

	static final UnitScope EVERYTHING = new UnitScope(null, "/");

	public boolean isEverything() {
		return this.rootUnitId == null;
	}

}
