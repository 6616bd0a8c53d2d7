package vn.edu.portal.dashboard;

import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TodoGroup;

/**
 * The home page's groups of the dashboard: the units overdue on their directives, and the
 * Department's score with the way it moved.
 */
final class DashboardTodos {

	private DashboardTodos() {
	}

	/**
	 * The units of the scope with an acknowledgement or a report past its deadline and
	 * not done (delivered or due in the last year): the oldest deadline first, with how
	 * many. Each leads to the unit's dashboard, whose list of who has not responded
	 * reminds.
	 */
	@Component
	static class OverdueUnits implements TodoGroup {

		@Override
		public String key() {
			return "overdueUnits";
		}

		@Override
		public int order() {
			return 40;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return user.hasRole(Role.DEPARTMENT_OFFICER);
		}

		@Override
		public String more() {
			return "/dashboard#pending-title";
		}

		@Override
		public String sql() {
			return """
					select 'overdueUnit' as action, u.name as title, '/dashboard?unit=' || u.id || '#pending-title' as link,
					       min(f.deadline) as deadline, 0 as urgency, count(*) as figure
					from compliance_fact f join unit u on u.id = f.unit_id
					where not f.done and f.deadline < :today and f.day >= cast(:today as date) - 365 and u.path like :scope || '%'
					group by u.id, u.name
					""";
		}

	}

	/**
	 * The Department's score for the school year (the dashboard's first view, by the same
	 * definitions and weights), and whether it rose or fell since the end of last month
	 * (the same year counted up to then): one row.
	 */
	@Component
	static class Score implements TodoGroup {

		private final DashboardProperties properties;

		Score(DashboardProperties properties) {
			this.properties = properties;
		}

		@Override
		public String key() {
			return "score";
		}

		@Override
		public int order() {
			return 0;
		}

		@Override
		public boolean appliesTo(CurrentUser user) {
			return user.hasRole(Role.DEPARTMENT_LEADER);
		}

		@Override
		public boolean isWork() {
			return false;
		}

		@Override
		public String sql() {
			return """
					with per as (
					  select r.id as root, r.name, y.from_day, (y.from_day + interval '9 months' - interval '1 day')::date as to_day,
					         date_trunc('month', cast(:today as date))::date as this_month
					  from unit r cross join lateral (
					    select make_date(extract(year from cast(:today as date))::int
					                     - case when extract(month from cast(:today as date)) >= 9 then 0 else 1 end, 9, 1)
					           as from_day) as y
					  where r.path = :scope
					), parts as (
					  select p.*, k.last_month,
					         (select coalesce(sum(d.ack_expected), 0) from compliance_day d
					          where d.unit_id = p.root and d.day between p.from_day and p.to_day
					            and (not k.last_month or d.day < p.this_month))
					         - (select count(*) from compliance_fact f join unit cu on cu.id = f.unit_id
					            where not f.done and f.kind = 'A' and f.deadline >= :today
					              and f.day between p.from_day and p.to_day and (not k.last_month or f.day < p.this_month)
					              and cu.path like :scope || '%%') as ae,
					         (select coalesce(sum(d.ack_on_time), 0) from compliance_day d
					          where d.unit_id = p.root and d.day between p.from_day and p.to_day
					            and (not k.last_month or d.day < p.this_month)) as ao,
					         (select coalesce(sum(case when d.day >= :today then d.rep_submitted else d.rep_expected end), 0)
					          from compliance_day d
					          where d.unit_id = p.root and d.day between p.from_day and p.to_day
					            and (not k.last_month or d.day < p.this_month)) as re,
					         (select coalesce(sum(d.rep_on_time), 0) from compliance_day d
					          where d.unit_id = p.root and d.day between p.from_day and p.to_day
					            and (not k.last_month or d.day < p.this_month)) as ro,
					         i.ie, i.io
					  from per p cross join (values (false), (true)) as k(last_month)
					  cross join lateral (
					    select count(*) as ie, count(*) filter (where not x.reported_late) as io
					    from incident x join compliance_unit_today t on t.unit_id = x.unit_id
					    join unit cu on cu.id = t.current_id
					    where x.status <> 'DRAFT' and cu.path like :scope || '%%'
					      and x.submitted_at >= (p.from_day::timestamp at time zone :zone)
					      and x.submitted_at < ((case when k.last_month then p.this_month else p.to_day + 1 end)::timestamp
					                            at time zone :zone)) as i
					), weighted as (
					  select last_month, name,
					         case when ae > 0 then %1$d * (ao::float8 / ae) else 0 end
					         + case when re > 0 then %2$d * (ro::float8 / re) else 0 end
					         + case when ie > 0 then %3$d * (io::float8 / ie) else 0 end as weighted,
					         case when ae > 0 then %1$d else 0 end + case when re > 0 then %2$d else 0 end
					         + case when ie > 0 then %3$d else 0 end as weights
					  from parts
					), score as (
					  select max(name) as name,
					         max(case when not last_month and weights > 0 then floor(100 * weighted / weights) end) as score_now,
					         max(case when last_month and weights > 0 then floor(100 * weighted / weights) end) as score_before
					  from weighted
					)
					select case when score_now is null then 'scoreNone' when score_before is null then 'scoreNew'
					            when score_now = score_before then 'scoreSame'
					            when score_now > score_before then 'scoreUp' else 'scoreDown' end as action,
					       name as title, '/dashboard' as link, null::date as deadline, 0 as urgency,
					       score_now::bigint as figure
					from score
					"""
				.formatted(this.properties.acknowledgementWeight(), this.properties.reportWeight(),
						this.properties.incidentWeight());
		}

	}

}
