package vn.edu.portal.incident;

import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TodoGroup;

/**
 * The home page's groups of incidents: what a unit must answer or finish, what a
 * Department officer must triage, and the serious incidents a Department leader follows.
 * No group reads the names of the people involved.
 */
final class IncidentTodos {

	private static final String TITLE = "coalesce(left(i.summary, 120), '#' || i.id)";

	private IncidentTodos() {
	}

	/**
	 * The unit's incidents the Department asked more about ("cần bổ sung"), and the
	 * drafts the account started.
	 */
	@Component
	static class Answer implements TodoGroup {

		@Override
		public String key() {
			return "incidentAnswer";
		}

		@Override
		public int order() {
			return 40;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return user.unitId() != null && (user.hasRole(Role.UNIT_LEADER) || user.hasRole(Role.UNIT_STAFF));
		}

		@Override
		public String more() {
			return "/incidents";
		}

		@Override
		public String sql() {
			return """
					select case when i.status = 'NEEDS_INFO' then 'incidentAnswer' else 'incidentDraft' end as action,
					       %s as title,
					       case when i.status = 'NEEDS_INFO' then '/incidents/' || i.id
					            else '/incidents/' || i.id || '/edit' end as link,
					       null::date as deadline, case when i.status = 'NEEDS_INFO' then 0 else 1 end as urgency,
					       null::bigint as figure
					from incident i
					where i.unit_id = :unit
					  and (i.status = 'NEEDS_INFO' or (i.status = 'DRAFT' and i.reporter_id = :account))
					""".formatted(TITLE);
		}

	}

	/** The incidents no reviewer has taken yet: those past their triage target first. */
	@Component
	static class Triage implements TodoGroup {

		@Override
		public String key() {
			return "incidentTriage";
		}

		@Override
		public int order() {
			return 10;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return user.hasRole(Role.DEPARTMENT_OFFICER);
		}

		@Override
		public String more() {
			return "/incidents/triage";
		}

		@Override
		public String sql() {
			return """
					select 'incidentTriage' as action, u.name || ' · ' || %s as title, '/incidents/' || i.id as link,
					       (i.triage_due_at at time zone :zone)::date as deadline,
					       case when i.triage_due_at < :now then 0 when i.severity >= 3 then 1 else 2 end as urgency,
					       i.severity::bigint as figure
					from incident i join unit u on u.id = i.unit_id
					where i.status = 'SUBMITTED' and i.reviewer_id is null and u.path like :scope || '%%'
					""".formatted(TITLE);
		}

	}

	/** The level-3 and level-4 incidents still open: level 4 and past a target first. */
	@Component
	static class Serious implements TodoGroup {

		@Override
		public String key() {
			return "incidentSerious";
		}

		@Override
		public int order() {
			return 20;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return user.hasRole(Role.DEPARTMENT_LEADER);
		}

		@Override
		public String more() {
			return "/incidents?severity=3";
		}

		@Override
		public String sql() {
			return """
					select 'incidentSerious' as action, u.name || ' · ' || %s as title, '/incidents/' || i.id as link,
					       null::date as deadline,
					       case when i.severity = 4 then 0 else 1 end as urgency, i.severity::bigint as figure
					from incident i join unit u on u.id = i.unit_id
					where i.severity >= 3 and i.status in %s
					  and u.path like :scope || '%%'
					""".formatted(TITLE, IncidentStatus.OPEN_IN_SQL);
		}

	}

}
