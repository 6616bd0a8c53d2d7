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
	 * The assignments that count, of published directives and not withdrawn, each with
	 * the path of the unit it counts under today; after {@link #TODAY}.
	 */
	static final String COUNTED = """
			counted as (
			  select a.id, a.directive_id, a.role, a.delivered_at, a.acknowledged_at, a.acknowledged_late, a.due_on,
			         a.acknowledge_by, cu.id as current_unit_id, cu.path as path
			  from assignment a
			  join directive d on d.id = a.directive_id and d.status = 'PUBLISHED'
			  join today_unit t on t.id = a.unit_id
			  join unit cu on cu.id = t.current_id
			  where a.withdrawn_at is null
			),
			""";

	/**
	 * The report periods of the assignments to implement that fall between
	 * {@code :fromDay} and {@code :toDay}; after {@link #COUNTED}.
	 */
	static final String PERIODS = """
			periods as (
			  select c.id as assignment_id, c.path, p.due
			  from counted c join directive d on d.id = c.directive_id
			  cross join lateral (
			    select coalesce(c.due_on, d.report_due) as due where d.report_schedule = 'ONCE'
			    union all
			    select (d.report_due + make_interval(months => g * case d.report_schedule when 'MONTHLY' then 1
			                                                         when 'QUARTERLY' then 3 else 6 end))::date
			    from generate_series(0, 119) as g
			    where d.report_schedule in ('MONTHLY', 'QUARTERLY', 'SEMESTER') and d.report_due is not null
			      and (d.report_due + make_interval(months => g * case d.report_schedule when 'MONTHLY' then 1
			                                                      when 'QUARTERLY' then 3 else 6 end))::date
			          <= coalesce(d.report_until, d.report_due)
			    union
			    select t.report_due from directive_task t
			    where d.report_schedule = 'NONE' and t.directive_id = d.id and t.report_required
			      and t.report_due is not null
			  ) as p
			  where c.role = 'IMPLEMENT' and p.due between :fromDay and :toDay
			),
			""";

	private static final String FIGURES = TODAY + """
			, rows as (select u.id, u.path from unit u where u.id = any(:rows)),
			""" + COUNTED + """
			acknowledgements as (
			  select r.id as row_id,
			         count(c.id) as expected,
			         count(c.acknowledged_at) as done,
			         count(*) filter (where c.acknowledged_at is not null and not c.acknowledged_late) as on_time
			  from rows r left join counted c on c.path like r.path || '%%'
			       and c.delivered_at >= :from and c.delivered_at < :until
			  group by r.id
			),
			""" + PERIODS + """
			reports as (
			  select r.id as row_id,
			         count(p.assignment_id) as expected,
			         count(rp.submitted_at) as submitted,
			         count(*) filter (where rp.submitted_at is not null and not rp.submitted_late) as on_time,
			         count(*) filter (where rp.status = 'ACCEPTED') as accepted,
			         count(*) filter (where p.assignment_id is not null and rp.submitted_at is null
			                          and p.due < :today) as overdue
			  from rows r left join periods p on p.path like r.path || '%%'
			  left join report rp on rp.assignment_id = p.assignment_id and rp.period_due = p.due
			  group by r.id
			),
			incidents as (
			  select r.id as row_id,
			         count(i.id) filter (where i.submitted_at >= :from and i.submitted_at < :until) as submitted,
			         count(i.id) filter (where i.submitted_at >= :from and i.submitted_at < :until
			                             and not i.reported_late) as within_target,
			         count(i.id) filter (where i.status not in ('RESOLVED', 'CLOSED')
			                             and (i.reported_late or coalesce(i.accepted_at, now()) > i.triage_due_at))
			           as open_past_target
			  from rows r
			  left join (select i.*, cu.path from incident i join today_unit t on t.id = i.unit_id
			             join unit cu on cu.id = t.current_id where i.status <> 'DRAFT') as i
			    on i.path like r.path || '%%'
			  group by r.id
			)
			select a.row_id, a.expected as ack_expected, a.done as ack_done, a.on_time as ack_on_time,
			       p.expected as rep_expected, p.submitted as rep_submitted, p.on_time as rep_on_time,
			       p.accepted as rep_accepted, p.overdue as rep_overdue,
			       i.submitted as inc_submitted, i.within_target as inc_within, i.open_past_target as inc_open_late
			from acknowledgements a join reports p on p.row_id = a.row_id join incidents i on i.row_id = a.row_id
			""";

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
		Map<Long, Figures> byUnit = new LinkedHashMap<>();
		Map<Long, UnitRow> rows = new LinkedHashMap<>();
		units.forEach((unit) -> rows.put(unit.id(), unit));
		this.jdbc.sql(FIGURES.formatted())
			.param("rows", units.stream().map(UnitRow::id).toArray(Long[]::new))
			.param("from", Timestamp.from(period.from().atStartOfDay(zone).toInstant()))
			.param("until", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()))
			.param("fromDay", period.from())
			.param("toDay", period.to())
			.param("today", today)
			.query((rs, i) -> {
				UnitRow unit = rows.get(rs.getLong("row_id"));
				Rate ackOnTime = new Rate(rs.getLong("ack_on_time"), rs.getLong("ack_expected"));
				Rate repOnTime = new Rate(rs.getLong("rep_on_time"), rs.getLong("rep_expected"));
				Rate incWithin = new Rate(rs.getLong("inc_within"), rs.getLong("inc_submitted"));
				return new Figures(unit.id(), unit.code(), unit.name(), unit.hasChildren(),
						new Rate(rs.getLong("ack_done"), rs.getLong("ack_expected")), ackOnTime,
						new Rate(rs.getLong("rep_submitted"), rs.getLong("rep_expected")), repOnTime,
						new Rate(rs.getLong("rep_accepted"), rs.getLong("rep_expected")), rs.getLong("rep_overdue"),
						rs.getLong("inc_submitted"), incWithin, rs.getLong("inc_open_late"),
						score(ackOnTime, repOnTime, incWithin));
			})
			.list()
			.forEach((figures) -> byUnit.put(figures.unitId(), figures));
		List<Figures> ordered = new ArrayList<>();
		units.forEach((unit) -> ordered.add(byUnit.get(unit.id())));
		return ordered;
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
