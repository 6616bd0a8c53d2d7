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
	 * The incidents of the scope submitted in the period (of the type of unit, or linked
	 * to the directive, chosen), from {@code i}, with the unit they count under today
	 * {@code cu}.
	 */
	private static String incidentsOf(Selection selection, String select, String rest) {
		return "select " + select + """
				 from incident i join compliance_unit_today t on t.unit_id = i.unit_id
				join unit cu on cu.id = t.current_id join unit s on s.id = :root
				where i.status <> 'DRAFT' and cu.path like s.path || '%'
				  and i.submitted_at >= :from and i.submitted_at < :until
				""" + ((selection.unitType() != null) ? " and cu.type = :type" : "")
				+ ((selection.directiveId() != null) ? " and i.directive_id = :directive" : "") + " " + rest;
	}

	/**
	 * The incidents of the scope submitted in the period, by category, severity and
	 * status, in one pass.
	 * @return for each of "category", "severity" and "status", the counts of its values,
	 * the most first
	 */
	Map<String, List<Count>> incidentsBy(Selection selection, LocalDate today, ZoneId zone) {
		Map<String, List<Count>> by = new LinkedHashMap<>();
		List.of("category", "severity", "status").forEach((column) -> by.put(column, new java.util.ArrayList<>()));
		ComplianceFigures
			.bind(this.jdbc.sql(incidentsOf(selection, """
					case when grouping(i.category) = 0 then 'category' when grouping(i.severity) = 0 then 'severity'
					     else 'status' end, coalesce(i.category, i.severity::text, i.status), count(*)
					""", "group by grouping sets ((i.category), (i.severity), (i.status)) order by 3 desc, 2")),
					selection, today, zone)
			.query((rs, i) -> by.get(rs.getString(1)).add(new Count(rs.getString(2), rs.getLong(3))))
			.list();
		return by;
	}

	/** The incidents of the scope submitted in each month of the period, by category. */
	List<MonthCount> incidentsByMonth(Selection selection, LocalDate today, ZoneId zone) {
		return ComplianceFigures
			.bind(this.jdbc.sql("select to_char(x.month, 'MM/YYYY'), x.category, count(*) from ("
					+ incidentsOf(selection,
							"date_trunc('month', i.submitted_at at time zone :zone) as month, i.category", "")
					+ ") as x group by x.month, x.category order by x.month, x.category"), selection, today, zone)
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
	Medians medians(Selection selection, LocalDate today, ZoneId zone) {
		return ComplianceFigures.bind(this.jdbc.sql(incidentsOf(selection, """
				percentile_cont(0.5) within group (order by extract(epoch from i.submitted_at - i.detected_at)),
				percentile_cont(0.5) within group (order by extract(epoch from i.accepted_at - i.submitted_at)),
				percentile_cont(0.5) within group (order by extract(epoch from i.resolved_at - i.submitted_at))
				""", "")), selection, today, zone)
			.query((rs, i) -> new Medians(hours(rs.getObject(1)), hours(rs.getObject(2)), hours(rs.getObject(3))))
			.single();
	}

	/**
	 * Who has not responded: the assignments of the scope delivered in the period whose
	 * deadline to acknowledge has passed unacknowledged, and its reports due in the
	 * period whose deadline has passed unsubmitted; the oldest first.
	 */
	List<Pending> notResponded(Selection selection, LocalDate today, ZoneId zone, int limit) {
		return ComplianceFigures
			.bind(this.jdbc
				.sql("""
						select f.assignment_id, f.kind = 'R' as report, f.deadline, cu.name as unit_name, d.id as directive_id,
						       %s as number, d.subject
						from compliance_fact f join unit cu on cu.id = f.unit_id join unit s on s.id = :root
						join directive d on d.id = f.directive_id
						where not f.done and f.deadline < :today and f.day between :fromDay and :toDay
						  and cu.path like s.path || '%%' %s
						order by f.deadline, cu.name, f.assignment_id, f.kind limit :limit
						"""
					.formatted(DirectiveCatalog.NUMBER_AND_SYMBOL_SQL,
							((selection.unitType() != null) ? " and f.unit_type = :type" : "")
									+ ((selection.directiveId() != null) ? " and f.directive_id = :directive" : ""))),
					selection, today, zone)
			.param("limit", limit)
			.query((rs, i) -> new Pending(rs.getLong("assignment_id"), rs.getBoolean("report"),
					rs.getObject("deadline", LocalDate.class), rs.getString("unit_name"), rs.getLong("directive_id"),
					rs.getString("number"), rs.getString("subject")))
			.list();
	}

	/**
	 * The on-time rates of the scope month by month: acknowledgements by the month they
	 * were delivered in, reports by the month they were due in; whole months before this
	 * one from the monthly summary, the others from the daily one (or from the facts of
	 * one directive).
	 * @return for each month (MM/yyyy) that has any, the rates
	 */
	Map<String, Rate[]> monthly(Selection selection, LocalDate today, ZoneId zone) {
		String type = (selection.unitType() != null) ? " and x.unit_type = :type" : "";
		String sql = (selection.directiveId() != null)
				? """
						select to_char(f.day, 'MM/YYYY') as month, count(*) filter (where f.kind = 'A') as ack_expected,
						       count(*) filter (where f.kind = 'A' and f.on_time) as ack_on_time,
						       count(*) filter (where f.kind = 'R') as rep_expected,
						       count(*) filter (where f.kind = 'R' and f.on_time) as rep_on_time
						from compliance_fact f join unit cu on cu.id = f.unit_id join unit s on s.id = :root
						where f.directive_id = :directive and f.day between :fromDay and :toDay and cu.path like s.path || '%%' %s
						group by 1
						"""
					.formatted(type.replace("x.", "f."))
				: """
						select to_char(x.month, 'MM/YYYY') as month, sum(x.ack_expected) as ack_expected,
						       sum(x.ack_on_time) as ack_on_time, sum(x.rep_expected) as rep_expected,
						       sum(x.rep_on_time) as rep_on_time
						from (
						  select x.month, x.unit_type, x.ack_expected, x.ack_on_time, x.rep_expected, x.rep_on_time
						  from compliance_month x
						  where x.unit_id = :root and x.month >= :monthsFrom and x.month < :monthsUntil %1$s
						  union all
						  select date_trunc('month', x.day)::date, x.unit_type, x.ack_expected, x.ack_on_time, x.rep_expected,
						         x.rep_on_time
						  from compliance_day x
						  where x.unit_id = :root and x.day between :fromDay and :toDay
						    and (x.day < :monthsFrom or x.day >= :monthsUntil) %1$s
						) as x
						group by x.month
						"""
					.formatted(type);
		Map<String, Rate[]> months = new LinkedHashMap<>();
		ComplianceFigures.bind(this.jdbc.sql(sql), selection, today, zone)
			.query((rs, i) -> months.put(rs.getString("month"),
					new Rate[] { new Rate(rs.getLong("ack_on_time"), rs.getLong("ack_expected")),
							new Rate(rs.getLong("rep_on_time"), rs.getLong("rep_expected")) }))
			.list();
		return months;
	}

	/** The unit an assignment counts under today, if it is one. */
	java.util.Optional<Long> unitOf(long assignmentId) {
		return this.jdbc.sql("""
				select t.current_id from assignment a join compliance_unit_today t on t.unit_id = a.unit_id
				where a.id = ?
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
