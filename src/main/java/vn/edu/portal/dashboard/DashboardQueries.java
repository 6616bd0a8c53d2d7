package vn.edu.portal.dashboard;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
