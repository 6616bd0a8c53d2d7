package vn.edu.portal.dashboard;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.directive.DirectiveCatalog;

/**
 * What the dashboard shows beside the figures: the units to show, the way back up the
 * tree, and the incidents of a scope by category, severity and status, with their median
 * times. No query reads the names of the people in incidents.
 */
@Component
class DashboardQueries {

	private final JdbcClient jdbc;

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A unit, and the open units one level below it, by name. */
	List<ComplianceFigures.UnitRow> unitAndChildren(long unitId) {
		return this.jdbc.sql("""
				select u.id, u.code, u.name,
				       exists (select 1 from unit c where c.parent_id = u.id and c.valid_to is null) as has_children
				from unit u where u.id = :unit or (u.parent_id = :unit and u.valid_to is null)
				order by (u.id = :unit) desc, u.name
				""")
			.param("unit", unitId)
			.query((rs, i) -> new ComplianceFigures.UnitRow(rs.getLong("id"), rs.getString("code"),
					rs.getString("name"), rs.getBoolean("has_children")))
			.list();
	}

	/** The units from the top of the scope down to this one. */
	List<Crumb> breadcrumbs(long unitId, String scopePath) {
		return this.jdbc.sql("""
				select a.id, coalesce(a.short_name, a.name) from unit u join unit a on u.path like a.path || '%'
				where u.id = ? and a.path like ? || '%' order by length(a.path)
				""").params(unitId, scopePath).query((rs, i) -> new Crumb(rs.getLong(1), rs.getString(2))).list();
	}

	/**
	 * The incidents of the scope submitted in the period, by category, severity and
	 * status.
	 */
	List<Count> incidentsBy(String column, long unitId, DashboardPeriod period, ZoneId zone) {
		if (!List.of("category", "severity", "status").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		return this.jdbc.sql(ComplianceFigures.TODAY + """
				select i.%s::text as value, count(*) from incident i
				join today_unit t on t.id = i.unit_id join unit cu on cu.id = t.current_id
				join unit s on s.id = :unit
				where i.status <> 'DRAFT' and cu.path like s.path || '%%'
				  and i.submitted_at >= :from and i.submitted_at < :until
				group by i.%s order by count(*) desc, 1
				""".formatted(column, column))
			.param("unit", unitId)
			.param("from", Timestamp.from(period.from().atStartOfDay(zone).toInstant()))
			.param("until", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, i) -> new Count(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** The incidents of the scope submitted in each month of the period, by category. */
	List<MonthCount> incidentsByMonth(long unitId, DashboardPeriod period, ZoneId zone) {
		return this.jdbc.sql(ComplianceFigures.TODAY + """
				select to_char(x.month, 'MM/YYYY'), x.category, count(*) from (
				  select date_trunc('month', i.submitted_at at time zone :zone) as month, i.category
				  from incident i
				  join today_unit t on t.id = i.unit_id join unit cu on cu.id = t.current_id
				  join unit s on s.id = :unit
				  where i.status <> 'DRAFT' and cu.path like s.path || '%'
				    and i.submitted_at >= :from and i.submitted_at < :until
				) as x
				group by x.month, x.category order by x.month, x.category
				""")
			.param("unit", unitId)
			.param("zone", zone.getId())
			.param("from", Timestamp.from(period.from().atStartOfDay(zone).toInstant()))
			.param("until", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, i) -> new MonthCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/**
	 * How many incidents of a category a month had.
	 *
	 * @param month MM/yyyy
	 * @param category the category
	 * @param count how many
	 */
	record MonthCount(String month, String category, long count) {
	}

	/**
	 * The median hours from detection to report, from report to triage and to resolution.
	 */
	Medians medians(long unitId, DashboardPeriod period, ZoneId zone) {
		return this.jdbc.sql(ComplianceFigures.TODAY + """
				select percentile_cont(0.5) within group (order by extract(epoch from i.submitted_at - i.detected_at)),
				       percentile_cont(0.5) within group (order by extract(epoch from i.accepted_at - i.submitted_at)),
				       percentile_cont(0.5) within group (order by extract(epoch from i.resolved_at - i.submitted_at))
				from incident i
				join today_unit t on t.id = i.unit_id join unit cu on cu.id = t.current_id
				join unit s on s.id = :unit
				where i.status <> 'DRAFT' and cu.path like s.path || '%'
				  and i.submitted_at >= :from and i.submitted_at < :until
				""")
			.param("unit", unitId)
			.param("from", Timestamp.from(period.from().atStartOfDay(zone).toInstant()))
			.param("until", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, i) -> new Medians(hours(rs.getObject(1)), hours(rs.getObject(2)), hours(rs.getObject(3))))
			.single();
	}

	/**
	 * Who has not responded: the assignments of the scope delivered in the period whose
	 * deadline to acknowledge has passed unacknowledged, and its reports due in the
	 * period whose deadline has passed unsubmitted; the oldest first.
	 */
	List<Pending> notResponded(long unitId, DashboardPeriod period, LocalDate today, ZoneId zone, int limit) {
		return this.jdbc
			.sql(ComplianceFigures.TODAY + ComplianceFigures.SCOPE + ComplianceFigures.COUNTED
					+ ComplianceFigures.PERIODS
					+ """
							overdue as (
							  select c.id, false as report, c.acknowledge_by as due, u.name as unit_name,
							         d.id as directive_id, %1$s as number, d.subject
							  from counted c join unit u on u.id = c.current_unit_id join directive d on d.id = c.directive_id
							  where c.acknowledged_at is null and c.acknowledge_by < :today
							    and c.delivered_at >= :from and c.delivered_at < :until
							  union all
							  select p.assignment_id, true, p.due, u.name, d.id,
							         %1$s, d.subject
							  from periods p join counted c on c.id = p.assignment_id join unit u on u.id = c.current_unit_id
							  join directive d on d.id = c.directive_id
							  where p.due < :today
							    and not exists (select 1 from report r where r.assignment_id = p.assignment_id
							                    and r.period_due = p.due and r.submitted_at is not null)
							)
							select * from overdue order by due, unit_name, id limit :limit
							"""
						.formatted(DirectiveCatalog.NUMBER_AND_SYMBOL_SQL))
			.param("root", unitId)
			.param("from", Timestamp.from(period.from().atStartOfDay(zone).toInstant()))
			.param("until", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()))
			.param("fromDay", period.from())
			.param("toDay", period.to())
			.param("today", today)
			.param("limit", limit)
			.query((rs, i) -> new Pending(rs.getLong("id"), rs.getBoolean("report"),
					rs.getObject("due", LocalDate.class), rs.getString("unit_name"), rs.getLong("directive_id"),
					rs.getString("number"), rs.getString("subject")))
			.list();
	}

	/**
	 * The on-time rates of the scope month by month, in one pass: acknowledgements by the
	 * month they were delivered in, reports by the month they were due in.
	 * @return for each month (MM/yyyy) that has any, the rates
	 */
	Map<String, Rate[]> monthly(long unitId, DashboardPeriod period, LocalDate today, ZoneId zone) {
		Map<String, Rate[]> months = new LinkedHashMap<>();
		this.jdbc
			.sql(ComplianceFigures.TODAY + ComplianceFigures.SCOPE + ComplianceFigures.COUNTED
					+ ComplianceFigures.PERIODS
					+ """
							acknowledged as (
							  select to_char(c.delivered_at at time zone :zone, 'MM/YYYY') as month, count(*) as expected,
							         count(*) filter (where c.acknowledged_at is not null and not c.acknowledged_late) as on_time
							  from counted c where c.delivered_at >= :from and c.delivered_at < :until
							  group by 1
							),
							reported as (
							  select to_char(p.due, 'MM/YYYY') as month, count(*) as expected,
							         count(*) filter (where rp.submitted_at is not null and not rp.submitted_late) as on_time
							  from periods p left join report rp on rp.assignment_id = p.assignment_id and rp.period_due = p.due
							  group by 1
							)
							select coalesce(a.month, r.month) as month, coalesce(a.expected, 0) as ack_expected,
							       coalesce(a.on_time, 0) as ack_on_time, coalesce(r.expected, 0) as rep_expected,
							       coalesce(r.on_time, 0) as rep_on_time
							from acknowledged a full join reported r on r.month = a.month
							""")
			.param("root", unitId)
			.param("zone", zone.getId())
			.param("from", Timestamp.from(period.from().atStartOfDay(zone).toInstant()))
			.param("until", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()))
			.param("fromDay", period.from())
			.param("toDay", period.to())
			.param("today", today)
			.query((rs, i) -> months.put(rs.getString("month"),
					new Rate[] { new Rate(rs.getLong("ack_on_time"), rs.getLong("ack_expected")),
							new Rate(rs.getLong("rep_on_time"), rs.getLong("rep_expected")) }))
			.list();
		return months;
	}

	/** The unit an assignment counts under today, if it is one. */
	java.util.Optional<Long> unitOf(long assignmentId) {
		return this.jdbc.sql(ComplianceFigures.TODAY + """
				select t.current_id from assignment a join today_unit t on t.id = a.unit_id where a.id = ?
				""").param(assignmentId).query(Long.class).optional();
	}

	/**
	 * A deadline missed.
	 *
	 * @param assignmentId the assignment
	 * @param report a report's deadline, or the acknowledgement's
	 * @param due the deadline
	 * @param unitName the unit
	 * @param directiveId the directive
	 * @param number its number and symbol
	 * @param subject its subject
	 */
	record Pending(long assignmentId, boolean report, LocalDate due, String unitName, long directiveId, String number,
			String subject) {
	}

	private static Double hours(Object seconds) {
		return (seconds != null) ? ((Number) seconds).doubleValue() / 3600 : null;
	}

	/**
	 * A step back up the tree.
	 *
	 * @param id the unit
	 * @param name its name
	 */
	record Crumb(long id, String name) {
	}

	/**
	 * How many incidents have a value.
	 *
	 * @param value the category, severity or status
	 * @param count how many
	 */
	record Count(String value, long count) {
	}

	/**
	 * Median times, in hours; {@code null} when nothing was measured.
	 *
	 * @param detectionToReport from detection to submission
	 * @param reportToTriage from submission to acceptance
	 * @param reportToResolution from submission to resolution
	 */
	record Medians(Double detectionToReport, Double reportToTriage, Double reportToResolution) {

		public String text(Double hours) {
			return (hours == null) ? "—" : String.format(java.util.Locale.ROOT, "%.1f", hours);
		}

	}

}
