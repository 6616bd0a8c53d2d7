package vn.edu.portal.account;

import org.springframework.stereotype.Component;

/**
 * The home page's groups of accounts for a system administrator: the accounts locked or
 * never signed in, and the units without a leader, in the administrator's scope.
 */
final class AccountTodos {

	private static final String IN_SCOPE = "(u.path like :scope || '%')";

	private AccountTodos() {
	}

	/**
	 * The enabled accounts locked now (the most recent lock first) or never signed in
	 * (the oldest first).
	 */
	@Component
	static class Accounts implements TodoGroup {

		@Override
		public String key() {
			return "accounts";
		}

		@Override
		public int order() {
			return 20;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return user.hasRole(Role.SYSTEM_ADMIN);
		}

		@Override
		public String more() {
			return "/admin/users";
		}

		@Override
		public String sql() {
			return """
					select case when a.locked_until > :now then 'accountLocked' else 'accountNeverSignedIn' end as action,
					       a.full_name || ' (' || a.username || ')' as title, '/admin/users/' || a.id as link,
					       null::date as deadline, case when a.locked_until > :now then 0 else 1 end as urgency,
					       null::bigint as figure
					from account a left join unit u on u.id = a.unit_id
					where a.enabled and (a.locked_until > :now or a.last_login_at is null)
					  and (%s or (a.unit_id is null and :scope = '/'))
					"""
				.formatted(IN_SCOPE);
		}

	}

	/**
	 * The open units (other than a Department's divisions) where no enabled account holds
	 * a leader's role.
	 */
	@Component
	static class UnitsWithoutLeader implements TodoGroup {

		@Override
		public String key() {
			return "unitsWithoutLeader";
		}

		@Override
		public int order() {
			return 30;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return user.hasRole(Role.SYSTEM_ADMIN);
		}

		@Override
		public String more() {
			return "/admin/units";
		}

		@Override
		public String sql() {
			return """
					select 'unitWithoutLeader' as action, u.name as title, '/admin/units/' || u.id as link,
					       null::date as deadline, 1 as urgency, null::bigint as figure
					from unit u
					where u.valid_to is null and u.type <> 'DEPARTMENT_DIVISION' and %s
					  and not exists (select 1 from account a join account_role r on r.account_id = a.id
					                  where a.unit_id = u.id and a.enabled
					                    and r.role in ('UNIT_LEADER', 'DEPARTMENT_LEADER'))
					""".formatted(IN_SCOPE);
		}

	}

}
