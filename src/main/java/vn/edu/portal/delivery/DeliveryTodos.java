package vn.edu.portal.delivery;

import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TodoGroup;
import vn.edu.portal.directive.DirectiveCatalog;

/**
 * The home page's groups of the delivery: what a unit must acknowledge, forward and
 * report (its leader does it, its staff prepares it), and what a Department officer must
 * review.
 */
final class DeliveryTodos {

	private static final String DIRECTIVE = DirectiveCatalog.NUMBER_AND_SYMBOL_SQL + " || ' · ' || d.subject";

	private DeliveryTodos() {
	}

	static boolean ofAUnit(CurrentUser user) {
		return user.unitId() != null && (user.hasRole(Role.UNIT_LEADER) || user.hasRole(Role.UNIT_STAFF));
	}

	/**
	 * The directives the unit (or a unit merged into it) has not acknowledged, or must
	 * forward and has not: those past their deadline first, then the urgent ones.
	 */
	@Component
	static class Acknowledge implements TodoGroup {

		@Override
		public String key() {
			return "acknowledge";
		}

		@Override
		public int order() {
			return 10;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return ofAUnit(user);
		}

		@Override
		public String more() {
			return "/inbox";
		}

		@Override
		public String sql() {
			return """
					select case when a.acknowledged_at is null then 'acknowledge' else 'forward' end as action,
					       %s as title, '/inbox/' || a.id as link,
					       case when a.acknowledged_at is null then a.acknowledge_by end as deadline,
					       case when a.acknowledged_at is null
					                 and (a.acknowledge_by < :today or a.acknowledge_before < :now) then 0
					            when d.urgency <> 'NORMAL' then 1 else 2 end as urgency,
					       null::bigint as figure
					from assignment a join directive d on d.id = a.directive_id
					where a.unit_id in (%s) and a.withdrawn_at is null
					  and (a.acknowledged_at is null or (a.forwarding_required and a.forwarded_at is null))
					""".formatted(DIRECTIVE, InboxQueries.LINEAGE);
		}

	}

	/**
	 * The unit's reports due in the next 30 days or overdue (the periods as the dashboard
	 * counts them, not submitted, a draft or none), and those returned to it.
	 */
	@Component
	static class Reports implements TodoGroup {

		@Override
		public String key() {
			return "reports";
		}

		@Override
		public int order() {
			return 20;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return ofAUnit(user);
		}

		@Override
		public String sql() {
			return """
					select case when r.status = 'DRAFT' then 'reportDraft' else 'reportDue' end as action,
					       %1$s as title, '/inbox/' || a.id || '/reports/' || f.day as link, f.day as deadline,
					       case when f.day < :today then 0 else 1 end as urgency, null::bigint as figure
					from assignment a join compliance_fact f on f.assignment_id = a.id and f.kind = 'R'
					join directive d on d.id = a.directive_id
					left join report r on r.assignment_id = a.id and r.period_due = f.day
					where a.unit_id in (%2$s) and a.withdrawn_at is null and not f.done and f.day <= cast(:today as date) + 30
					union all
					select 'reportReturned', %1$s, '/inbox/' || a.id || '/reports/' || r.period_due, r.period_due, 0, null
					from assignment a join report r on r.assignment_id = a.id join directive d on d.id = a.directive_id
					where a.unit_id in (%2$s) and a.withdrawn_at is null and r.status = 'RETURNED'
					"""
				.formatted(DIRECTIVE, InboxQueries.LINEAGE);
		}

	}

	/** The reports submitted to the Department and not yet reviewed: the oldest first. */
	@Component
	static class Review implements TodoGroup {

		@Override
		public String key() {
			return "review";
		}

		@Override
		public int order() {
			return 30;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return user.hasRole(Role.DEPARTMENT_OFFICER);
		}

		@Override
		public String more() {
			return "/reports/review";
		}

		@Override
		public String sql() {
			return """
					select 'review' as action, u.name || ' · ' || %s as title, '/reports/' || r.id as link,
					       null::date as deadline,
					       case when r.submitted_at < cast(:now as timestamptz) - interval '5 days' then 0 else 1 end as urgency,
					       null::bigint as figure
					from report r join assignment a on a.id = r.assignment_id join unit u on u.id = a.unit_id
					     join directive d on d.id = a.directive_id join unit iu on iu.id = d.issuer_unit_id
					where r.status = 'SUBMITTED' and iu.path like :scope || '%%'
					"""
				.formatted(DIRECTIVE);
		}

	}

}
