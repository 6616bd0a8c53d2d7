package vn.edu.portal.account;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.context.annotation.RequestScope;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import vn.edu.portal.organisation.CurrentScope;
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

	/**
	 * The department above a unit, as {@code id:path}, or the unit itself where it has
	 * none ({@code :unit} the unit's id).
	 */
	private static final String DEPARTMENT_SCOPE = """
			coalesce((select d.id || ':' || d.path from unit u
			  join unit d on d.id = any(string_to_array(trim(both '/' from u.path), '/')::bigint[])
			  where u.id = :unit and d.type = 'DEPARTMENT'
			  order by length(d.path) desc limit 1),
			 (select id || ':' || path from unit where id = :unit))""";

	/** A unit's own subtree, as {@code id:path}. */
	private static final String UNIT_SCOPE = "select id || ':' || path from unit where id = :unit";

	/** The units the account may see: the widest scope of its roles. */
	public UnitScope scopeOf(CurrentUser user) {
		boolean departmentWide = user.roles().stream().anyMatch(ScopePolicy::isDepartmentWide);
		return scopeFor(user, departmentWide);
	}

	private UnitScope scopeFor(CurrentUser user, boolean departmentWide) {
		if (user.unitId() == null) {
			return UnitScope.EVERYTHING;
		}
		String key = rememberedKey(user, departmentWide);
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof UnitScope known) {
			return known;
		}
		UnitScope scope = parse(this.jdbc.sql(departmentWide ? "select " + DEPARTMENT_SCOPE : UNIT_SCOPE)
			.param("unit", user.unitId())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new UnitNotFoundException(user.unitId())));
		if (request != null) {
			request.setAttribute(key, scope, RequestAttributes.SCOPE_REQUEST);
		}
		return scope;
	}

	/**
	 * The account's scope as a scalar query ({@code :unit} its unit), for a statement
	 * that reads it with other things ({@link MenuFigures}); {@code null} when it needs
	 * none.
	 */
	String scopeSql(CurrentUser user) {
		if (user.unitId() == null) {
			return null;
		}
		return user.roles().stream().anyMatch(ScopePolicy::isDepartmentWide) ? "select " + DEPARTMENT_SCOPE
				: UNIT_SCOPE;
	}

	/**
	 * Keeps the scope read by {@link #scopeSql} for the rest of the request (the page's
	 * handler checks it several times): one request sees one scope.
	 */
	void remember(CurrentUser user, String scope) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && scope != null) {
			boolean departmentWide = user.roles().stream().anyMatch(ScopePolicy::isDepartmentWide);
			request.setAttribute(rememberedKey(user, departmentWide), parse(scope), RequestAttributes.SCOPE_REQUEST);
		}
	}

	private static String rememberedKey(CurrentUser user, boolean departmentWide) {
		return ScopePolicy.class.getName() + "." + user.id() + "." + departmentWide;
	}

	private static UnitScope parse(String idAndPath) {
		int colon = idAndPath.indexOf(':');
		return new UnitScope(Long.parseLong(idAndPath.substring(0, colon)), idAndPath.substring(colon + 1));
	}

	private static boolean isDepartmentWide(Role role) {
		return role == Role.SYSTEM_ADMIN || role == Role.DEPARTMENT_LEADER || role == Role.DEPARTMENT_OFFICER;
	}

	public boolean permits(CurrentUser user, Permission permission) {
		return user.roles().stream().map(Permission::of).anyMatch((granted) -> granted.contains(permission));
	}

	public boolean canSee(CurrentUser user, long unitId) {
		UnitScope scope = scopeOf(user);
		return this.tree.isWithin(unitId, scope.path());
	}

	/**
	 * Lets the action through, or answers as the rules say. The permission must come from
	 * a role whose own scope holds the unit: a school leader who is also something else
	 * acts as a leader for its school only.
	 * @throws UnitNotFoundException (404) when the unit is outside the account's scope
	 * @throws AccessDeniedException (403) when no role of the account may do this there
	 */
	public void check(CurrentUser user, Permission permission, long unitId) {
		if (!canSee(user, unitId)) {
			throw new UnitNotFoundException(unitId);
		}
		boolean departmentWide = user.roles()
			.stream()
			.filter((role) -> Permission.of(role).contains(permission))
			.anyMatch(ScopePolicy::isDepartmentWide);
		boolean granted = permits(user, permission)
				&& this.tree.isWithin(unitId, scopeFor(user, departmentWide).path());
		if (!granted) {
			throw new AccessDeniedException("not permitted: " + permission);
		}
	}

	/**
	 * The signed-in account's scope, for the modules that cannot know accounts
	 * (organisation).
	 */
	@Bean
	@RequestScope
	CurrentScope currentScope() {
		return () -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
				return scopeOf(user).path();
			}
			throw new AccessDeniedException("no signed-in account");
		};
	}

	static Set<Role> rolesNotAllowedFor(String unitType) {
		Set<Role> refused = EnumSet.allOf(Role.class);
		refused.removeAll(rolesAllowedFor(unitType));
		return refused;
	}

	/** The roles an account of a unit of this type may hold. */
	static Set<Role> rolesAllowedFor(String unitType) {
		if (unitType == null) {
			return Set.of(Role.SYSTEM_ADMIN);
		}
		if (unitType.equals("DEPARTMENT") || unitType.equals("DEPARTMENT_DIVISION")) {
			return EnumSet.allOf(Role.class);
		}
		return Set.of(Role.UNIT_LEADER, Role.UNIT_STAFF);
	}

}
