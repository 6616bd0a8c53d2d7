package vn.edu.portal.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reports copied from one another: when a report is submitted, its narrative is compared
 * with those of the other units' reports on the same directive and period, in one
 * statement served by the trigram index ({@code pg_trgm}); each pair at or above the
 * threshold ({@code portal.delivery.resemblance-threshold}), both texts at least
 * {@code portal.delivery.resemblance-min-length} characters, is kept both ways. It only
 * informs the reviewer: nothing is refused.
 */
@Component
class ReportResemblances {

	private final JdbcClient jdbc;

	private final DeliveryProperties properties;

	ReportResemblances(JdbcClient jdbc, DeliveryProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Compares a report just submitted (its narrative flushed) with the others, replacing
	 * what was found for its earlier submission.
	 */
	void compare(Report report, Instant at) {
		this.jdbc.sql("delete from report_resemblance where report_id = ? or other_report_id = ?")
			.params(report.getId(), report.getId())
			.update();
		String text = report.getSubmittedNarrative();
		if (text == null || text.codePointCount(0, text.length()) < this.properties.resemblanceMinLength()) {
			return;
		}
		// The operator % uses the index with the threshold set for this transaction only.
		this.jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)")
			.param(String.valueOf(this.properties.resemblanceThreshold()))
			.query(String.class)
			.single();
		this.jdbc.sql("""
				with found as (
				  select o.id as other_id, similarity(o.submitted_narrative, :text) as similarity
				  from report o join assignment oa on oa.id = o.assignment_id
				  join assignment ma on ma.id = :assignment
				  where o.submitted_narrative % :text and o.id <> :report and o.revision > 0
				    and o.period_due = :period and oa.directive_id = ma.directive_id and oa.unit_id <> ma.unit_id
				    and char_length(o.submitted_narrative) >= :minLength
				), mine as (
				  insert into report_resemblance (report_id, other_report_id, similarity, found_at)
				  select :report, f.other_id, f.similarity, :at from found f where f.similarity >= :threshold
				)
				insert into report_resemblance (report_id, other_report_id, similarity, found_at)
				select f.other_id, :report, f.similarity, :at from found f where f.similarity >= :threshold
				""")
			.param("text", text)
			.param("assignment", report.getAssignmentId())
			.param("report", report.getId())
			.param("period", report.getPeriodDue())
			.param("minLength", this.properties.resemblanceMinLength())
			.param("threshold", this.properties.resemblanceThreshold())
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * The reports a report resembles, the closest first, each with the longest passage
	 * they share, as it reads in this report.
	 */
	List<Resemblance> of(Report report) {
		return this.jdbc.sql("""
				select o.id, u.name as unit_name, r.similarity, o.submitted_narrative
				from report_resemblance r join report o on o.id = r.other_report_id
				join assignment oa on oa.id = o.assignment_id join unit u on u.id = oa.unit_id
				where r.report_id = ? order by r.similarity desc, u.name, o.id
				""")
			.param(report.getId())
			.query((rs, i) -> new Resemblance(rs.getLong("id"), rs.getString("unit_name"),
					Math.round(rs.getFloat("similarity") * 100),
					SharedPassage.of(report.getSubmittedNarrative(), rs.getString("submitted_narrative"))))
			.list();
	}

	/**
	 * Another unit's report that this one resembles.
	 *
	 * @param reportId that report
	 * @param unitName its unit
	 * @param percent how alike, 0 to 100
	 * @param passage the longest passage both hold, or {@code null}
	 */
	record Resemblance(long reportId, String unitName, long percent, SharedPassage passage) {
	}

}
