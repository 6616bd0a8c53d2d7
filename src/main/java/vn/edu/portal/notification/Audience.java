package vn.edu.portal.notification;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Who receives a message, as an SQL condition on the enabled accounts aliased {@code a}:
 * everyone of some units, their leaders, the Department's reviewers, one account.
 *
 * @param condition the condition, with its values written in (numbers only)
 */
record Audience(String condition) {

	/** Everyone of the units (leaders and staff). */
	static Audience unitsOf(Collection<Long> unitIds) {
		return new Audience("a.unit_id = any('" + array(unitIds) + "'::bigint[])"
				+ " and exists (select 1 from account_role r where r.account_id = a.id"
				+ " and r.role in ('UNIT_LEADER', 'UNIT_STAFF'))");
	}

	/** The leaders of the units. */
	static Audience leadersOf(Collection<Long> unitIds) {
		return new Audience("a.unit_id = any('" + array(unitIds) + "'::bigint[])"
				+ " and exists (select 1 from account_role r where r.account_id = a.id and r.role = 'UNIT_LEADER')");
	}

	/** The officers and leaders of the Department a unit belongs to. */
	static Audience reviewersAbove(long unitId) {
		return new Audience("exists (select 1 from account_role r where r.account_id = a.id"
				+ " and r.role in ('DEPARTMENT_OFFICER', 'DEPARTMENT_LEADER'))"
				+ " and exists (select 1 from unit au join unit d on au.path like d.path || '%'"
				+ " join unit x on x.path like d.path || '%'"
				+ " where au.id = a.unit_id and d.type = 'DEPARTMENT' and x.id = " + unitId + ")");
	}

	static Audience account(long accountId) {
		return new Audience("a.id = " + accountId);
	}

	private static String array(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

}
