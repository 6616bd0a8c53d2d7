package vn.edu.portal.account;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import vn.edu.portal.organisation.UnitNotFoundException;
import vn.edu.portal.organisation.UnitTree;

/**
 * The one scope rule every feature obeys: which units an account may see and act for, and
 * whether it may do something to an object of a unit. Outside the scope an object does
 * not exist (404); inside it, a role without the permission is refused (403).
 * <ul>
 * <li>unit roles see their unit and everything below it, following the tree as it is
 * today;</li>
 * <li>department roles see the whole Department (the nearest unit of type DEPARTMENT
 * above their division);</li>
 * <li>a system administrator sees the Department it belongs to, or every unit if it
 * belongs to none (an installation for several provinces).</li>
 * </ul>
 */
@Service
public class ScopePolicy {

	private final JdbcClient jdbc;

	private final UnitTree tree;

	ScopePolicy(JdbcClient jdbc, UnitTree tree) {
		this.jdbc = jdbc;
		this.tree = tree;
	}

	public UnitScope scopeOf(CurrentUser user) {
		if (user.unitId() == null) {
			return UnitScope.EVERYTHING;
		}
		boolean departmentWide = user.hasRole(Role.SYSTEM_ADMIN) || user.hasRole(Role.DEPARTMENT_LEADER)
				|| user.hasRole(Role.DEPARTMENT_OFFICER);
		if (!departmentWide) {
			return new UnitScope(user.unitId(), this.tree.pathOf(user.unitId()).orElseThrow());
		}
		return this.jdbc.sql("""
				select d.id, d.path from unit u join unit d on u.path like d.path || '%'
				where u.id = ? and d.type = 'DEPARTMENT'
				order by length(d.path) desc limit 1
				""")
			.param(user.unitId())
			.query((rs, i) -> new UnitScope(rs.getLong("id"), rs.getString("path")))
			.optional()
			.orElseGet(() -> new UnitScope(user.unitId(), this.tree.pathOf(user.unitId()).orElseThrow()));
	}

	public boolean permits(CurrentUser user, Permission permission) {
		return user.roles().stream().map(Permission::of).anyMatch((granted) -> granted.contains(permission));
	}

	public boolean canSee(CurrentUser user, long unitId) {
		UnitScope scope = scopeOf(user);
		return this.tree.isWithin(unitId, scope.path());
	}

	/**
	 * Lets the action through, or answers as the rules say.
	 * @throws UnitNotFoundException (404) when the unit is outside the account's scope
	 * @throws AccessDeniedException (403) when the account's roles do not allow the
	 * action
	 */
	public void check(CurrentUser user, Permission permission, long unitId) {
		if (!canSee(user, unitId)) {
			throw new UnitNotFoundException(unitId);
		}
		if (!permits(user, permission)) {
			throw new AccessDeniedException("not permitted: " + permission);
		}
	}

	/** The roles an account of a unit of this type may hold. */
	static Set<Role> rolesAllowedFor(String unitType) {
		if (unitType == null) {
			return Set.of(Role.SYSTEM_ADMIN);
		}
		if (unitType.equals("DEPARTMENT") || unitType.equals("DEPARTMENT_DIVISION")) {
			return EnumSet.allOf(Role.class);
		}
		return Set.of(Role.SYSTEM_ADMIN, Role.UNIT_LEADER, Role.UNIT_STAFF);
	}

}
