package vn.edu.portal.account;

/**
 * The units an account may see and act for: a subtree of the unit tree as it is today,
 * given by the materialised path of its root. Set-based queries filter with
 * {@code unit.path like :path || '%'}, or, where PostgreSQL keeps one plan for every
 * reader, with the range {@code unit.path ~>=~ :path and unit.path ~<~ :pathEnd} (see
 * {@link #pathEnd()}).
 *
 * @param rootUnitId the root of the subtree, or {@code null} for the whole tree
 * @param path the root's path ("/1/"), or "/" for the whole tree
 */
public record UnitScope(Long rootUnitId, String path) {

	static final UnitScope EVERYTHING = new UnitScope(null, "/");

	public boolean isEverything() {
		return this.rootUnitId == null;
	}

	/**
	 * How deep in the tree the scope's root lies: 1 for a Department ("/1/"), 2 for a
	 * unit right under it ("/1/5/"), 0 for the whole tree.
	 */
	public int depth() {
		return (int) this.path.chars().filter((c) -> c == '/').count() - 1;
	}

	/**
	 * Whether the scope is a whole Department or the whole tree (the Departments are the
	 * roots of the tree): the scope of most of what a list of the Department holds, where
	 * a smaller scope (a district office's, a school's) holds a small part of it.
	 */
	public boolean isDepartmentOrWider() {
		return isEverything() || this.path.indexOf('/', 1) == this.path.length() - 1;
	}

	/**
	 * The least string above every path in the scope: the path with its last "/" made
	 * "0", the character after it. Paths are numbers between slashes, so a path starts
	 * with {@link #path()} exactly when it lies from {@code path} (included) to this
	 * (excluded), compared byte by byte as PostgreSQL's {@code ~>=~} and {@code ~<~} do
	 * ("/1/2/5/" is between "/1/2/" and "/1/20"; "/1/20/" is not). A plan kept for every
	 * reader can look such a range up in the path index, which it cannot do for a
	 * {@code like} whose prefix is a parameter: it reads every unit instead.
	 */
	public String pathEnd() {
		return this.path.substring(0, this.path.length() - 1) + '0';
	}

}
