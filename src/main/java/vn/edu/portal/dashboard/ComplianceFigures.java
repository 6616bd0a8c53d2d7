package vn.edu.portal.dashboard;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The compliance figures, set-based, in one statement for a unit and the units one level
 * below it (domain.md §5). Every assignment and incident counts under the unit it belongs
 * to today: a unit closed into a successor counts under the successor, wherever that
 * stands in the tree. Recalled directives count for nothing; an acknowledgement or a
 * report made late counts as done, not on time.
 * <ul>
 * <li>acknowledgements: assignments delivered in the period;</li>
 * <li>reports: the periods due in the period of the assignments to implement (one for a
 * one-off report, one per month, quarter or semester of a schedule, or one per deadline
 * of the tasks that ask for a report), each submitted or not, on time or not, accepted or
 * not, overdue when its deadline has passed unsubmitted;</li>
 * <li>incidents: those submitted in the period, reported within target or not, and those
 * open past a target.</li>
 * </ul>
 */
@Component
class ComplianceFigures {

	/** Every unit with the unit it counts under today (itself, or its last successor). */
	static final String TODAY = """
			with recursive today_unit(id, current_id) as (
			  select id, id from unit where successor_id is null
			  union all
			  select u.id, t.current_id from unit u join today_unit t on u.successor_id = t.id
			)
			""";

	/**
	 * The unit whose scope is counted ({@code :root}), for {@link #COUNTED}: after
	 * {@link #TODAY}.
	 */
	static final String SCOPE = """
			, scope as (select id, path from unit where id = :root),
			""";

	/**
	 * Which row an object of a unit (by its path today) counts in: the root's own, or
	 * that of the unit one level below the root it lies under.
	 */
	private static final String ROW_OF = """
			case when %1$s = s.path then s.id else split_part(substr(%1$s, length(s.path) + 1), '/', 1)::bigint end
			""";

	/**
	 * The assignments of the scope that count, of published directives and not withdrawn,
	 * each with the path of the unit it counts under today and its row; after
	 * {@link #SCOPE}.
	 */
	static final String COUNTED = """
			counted as (
			  select a.id, a.directive_id, a.role, a.delivered_at, a.acknowledged_at, a.acknowledged_late, a.due_on,
			         a.acknowledge_by, cu.id as current_unit_id, cu.path as path, %s as row_id
			  from assignment a
			  join directive d on d.id = a.directive_id and d.status = 'PUBLISHED'
			  join today_unit t on t.id = a.unit_id
			  join unit cu on cu.id = t.current_id
			  cross join scope s
			  where a.withdrawn_at is null and cu.path like s.path || '%%'
			),
			""".formatted(ROW_OF.formatted("cu.path").strip());

	/**
	 * The report periods of the assignments to implement that fall between
	 * {@code :fromDay} and {@code :toDay}; after {@link #COUNTED}. A schedule's periods
	 * are generated only as far as it runs.
	 */
	static final String PERIODS = """
			periods as (
			  select c.id as assignment_id, c.path, c.row_id, p.due
			  from counted c join directive d on d.id = c.directive_id
			  cross join lateral (
			    select coalesce(c.due_on, d.report_due) as due where d.report_schedule = 'ONCE'
			    union all
			    select (d.report_due + make_interval(months => g * m.step))::date
			    from (select case d.report_schedule when 'MONTHLY' then 1 when 'QUARTERLY' then 3 else 6 end as step) as m,
			         generate_series(0, least(119, ((extract(year from age(coalesce(d.report_until, d.report_due), d.report_due)) * 12
			                                        + extract(month from age(coalesce(d.report_until, d.report_due), d.report_due)))
			                                        / m.step)::int)) as g
			    where d.report_schedule in ('MONTHLY', 'QUARTERLY', 'SEMESTER') and d.report_due is not null
			      and d.report_due <= :toDay and coalesce(d.report_until, d.report_due) >= :fromDay
			      and (d.report_due + make_interval(months => g * m.step))::date <= coalesce(d.report_until, d.report_due)
			    union all
			    select distinct t.report_due from directive_task t
			    where d.report_schedule = 'NONE' and t.directive_id = d.id and t.report_required
			      and t.report_due is not null
			  ) as p
			  where c.role = 'IMPLEMENT' and p.due between :fromDay and :toDay
			),
			""";

	private static final String FIGURES = TODAY + SCOPE + COUNTED + """
			acknowledgements as (
			  select c.row_id, count(*) as expected, count(c.acknowledged_at) as done,
			         count(*) filter (where c.acknowledged_at is not null and not c.acknowledged_late) as on_time
			  from counted c where c.delivered_at >= :from and c.delivered_at < :until
			  group by c.row_id
			),
			""" + PERIODS + """
			reports as (
			  select p.row_id, count(*) as expected, count(rp.submitted_at) as submitted,
			         count(*) filter (where rp.submitted_at is not null and not rp.submitted_late) as on_time,
			         count(*) filter (where rp.status = 'ACCEPTED') as accepted,
			         count(*) filter (where rp.submitted_at is null and p.due < :today) as overdue
			  from periods p left join report rp on rp.assignment_id = p.assignment_id and rp.period_due = p.due
			  group by p.row_id
			),
			incidents as (
			  select %s as row_id,
			         count(*) filter (where i.submitted_at >= :from and i.submitted_at < :until) as submitted,
			         count(*) filter (where i.submitted_at >= :from and i.submitted_at < :until
			                          and not i.reported_late) as within_target,
			         count(*) filter (where i.status not in ('RESOLVED', 'CLOSED')
			                          and (i.reported_late or coalesce(i.accepted_at, now()) > i.triage_due_at))
			           as open_past_target
			  from incident i join today_unit t on t.id = i.unit_id join unit cu on cu.id = t.current_id
			  cross join scope s
			  where i.status <> 'DRAFT' and cu.path like s.path || '%%'
			  group by 1
			),
			rows as (select row_id from acknowledgements union select row_id from reports
			         union select row_id from incidents)
			select r.row_id, coalesce(a.expected, 0) as ack_expected, coalesce(a.done, 0) as ack_done,
			       coalesce(a.on_time, 0) as ack_on_time, coalesce(p.expected, 0) as rep_expected,
			       coalesce(p.submitted, 0) as rep_submitted, coalesce(p.on_time, 0) as rep_on_time,
			       coalesce(p.accepted, 0) as rep_accepted, coalesce(p.overdue, 0) as rep_overdue,
			       coalesce(i.submitted, 0) as inc_submitted, coalesce(i.within_target, 0) as inc_within,
			       coalesce(i.open_past_target, 0) as inc_open_late
			from rows r left join acknowledgements a on a.row_id = r.row_id left join reports p on p.row_id = r.row_id
			left join incidents i on i.row_id = r.row_id
			""".formatted(ROW_OF.formatted("cu.path").strip());

	private final JdbcClient jdbc;

	private final DashboardProperties properties;

	ComplianceFigures(JdbcClient jdbc, DashboardProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * The figures of each unit's scope for the period, in the order of the units given.
	 * @param units the units, with their code, name and whether units lie below them
	 * @param period the period
	 * @param today today, for what is overdue
	 * @param zone the time zone the days of the period are in
	 */
	List<Figures> of(List<UnitRow> units, DashboardPeriod period, LocalDate today, ZoneId zone) {
		if (units.isEmpty()) {
			return List.of();
		}
		UnitRow root = units.get(0);
		Map<Long, long[]> groups = new LinkedHashMap<>();
		this.jdbc.sql(FIGURES)
			.param("root", root.id())
			.param("from", Timestamp.from(period.from().atStartOfDay(zone).toInstant()))
			.param("until", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()))
			.param("fromDay", period.from())
			.param("toDay", period.to())
			.param("today", today)
			.query((rs, i) -> {
				long[] counts = new long[COUNTS.length];
				for (int c = 0; c < COUNTS.length; c++) {
					counts[c] = rs.getLong(COUNTS[c]);
				}
				groups.put(rs.getLong("row_id"), counts);
				return counts;
			})
			.list();
		long[] total = new long[COUNTS.length];
		groups.values().forEach((counts) -> {
			for (int c = 0; c < total.length; c++) {
				total[c] += counts[c];
			}
		});
		List<Figures> figures = new ArrayList<>();
		figures.add(figures(root, total));
		units.subList(1, units.size())
			.forEach((unit) -> figures.add(figures(unit, groups.getOrDefault(unit.id(), new long[COUNTS.length]))));
		return figures;
	}

	private static final String[] COUNTS = { "ack_expected", "ack_done", "ack_on_time", "rep_expected", "rep_submitted",
			"rep_on_time", "rep_accepted", "rep_overdue", "inc_submitted", "inc_within", "inc_open_late" };

	private Figures figures(UnitRow unit, long[] c) {
		Rate ackOnTime = new Rate(c[2], c[0]);
		Rate repOnTime = new Rate(c[5], c[3]);
		Rate incWithin = new Rate(c[9], c[8]);
		return new Figures(unit.id(), unit.code(), unit.name(), unit.hasChildren(), new Rate(c[1], c[0]), ackOnTime,
				new Rate(c[4], c[3]), repOnTime, new Rate(c[6], c[3]), c[7], c[8], incWithin, c[10],
				score(ackOnTime, repOnTime, incWithin));
	}

	/**
	 * The score: the weighted mean of the on-time rates of what was expected; a part with
	 * nothing expected leaves the mean, and with nothing expected at all there is no
	 * score.
	 */
	Integer score(Rate acknowledgements, Rate reports, Rate incidents) {
		double weighted = 0;
		double weights = 0;
		int[] weight = { this.properties.acknowledgementWeight(), this.properties.reportWeight(),
				this.properties.incidentWeight() };
		Rate[] parts = { acknowledgements, reports, incidents };
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].share() != null && weight[i] > 0) {
				weighted += weight[i] * parts[i].share();
				weights += weight[i];
			}
		}
		return (weights == 0) ? null : (int) Math.floor(100 * weighted / weights);
	}

	/**
	 * A unit to show figures for.
	 *
	 * @param id the unit
	 * @param code its code
	 * @param name its name
	 * @param hasChildren whether units lie below it
	 */
	record UnitRow(long id, String code, String name, boolean hasChildren) {
	}

}
