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
 * The compliance figures (domain.md §5) of a unit's scope and of each unit one level
 * below it, read from the summary the database keeps exact in the same transaction as
 * every change (V20): acknowledgements by the day they were delivered, report periods by
 * their deadline, summed over each unit's subtree as the tree is today (a unit merged
 * into a successor counts under the successor). Recalled directives count for nothing; an
 * acknowledgement or a report made late counts as done, not on time.
 * <ul>
 * <li>acknowledgements: assignments delivered in the period;</li>
 * <li>reports: the periods due in the period of the assignments to implement, each
 * submitted or not, on time or not, accepted or not, overdue when its deadline has passed
 * unsubmitted;</li>
 * <li>incidents: those submitted in the period, reported within target or not, and those
 * open past a target.</li>
 * </ul>
 * Whole months before this one are read from the monthly summary, the days around them
 * from the daily one; one directive's figures from its facts.
 */
@Component
class ComplianceFigures {

	/**
	 * Which row an object of a unit (by its path today) counts in: the root's own, or
	 * that of the unit one level below the root ({@code :root}, its path
	 * {@code :rootPath}) it lies under.
	 */
	static final String ROW_OF = """
			case when %1$s = :rootPath then :root else split_part(substr(%1$s, length(:rootPath) + 1), '/', 1)::bigint end
			""";

	/**
	 * The acknowledgements of the scope not yet due and not yet done, by the day they
	 * were delivered: the summary keeps them by that day, not by their deadline, so they
	 * are read from the facts (only those whose deadline is today or later, a few days'
	 * deliveries).
	 */
	static final String ACK_PENDING = """
			select %1$s as row_id, f.day, f.unit_type from compliance_fact f join unit cu on cu.id = f.unit_id
			where not f.done and f.kind = 'A' and f.deadline >= :today and f.day between :fromDay and :toDay
			  and cu.path like :scope %2$s
			""";

	private static final String SUMMED = """
			select x.unit_id as row_id, sum(x.ack_expected) - sum(x.ack_pending) as ack_expected,
			       sum(x.ack_done) as ack_done, sum(x.ack_on_time) as ack_on_time,
			       sum(x.rep_expected) - sum(x.rep_pending) as rep_expected,
			       sum(x.rep_submitted) as rep_submitted, sum(x.rep_on_time) as rep_on_time,
			       sum(x.rep_accepted) as rep_accepted, sum(x.rep_overdue) as rep_overdue,
			       sum(x.ack_pending) as ack_pending, sum(x.rep_pending) as rep_pending
			from (
			  select m.unit_id, m.ack_expected, m.ack_done, m.ack_on_time, m.rep_expected, m.rep_submitted,
			         m.rep_on_time, m.rep_accepted, m.rep_expected - m.rep_submitted as rep_overdue, 0 as ack_pending,
			         0 as rep_pending
			  from compliance_month m
			  where m.unit_id = any(:units) and m.month >= :monthsFrom and m.month < :monthsUntil %1$s
			  union all
			  select d.unit_id, d.ack_expected, d.ack_done, d.ack_on_time, d.rep_expected, d.rep_submitted,
			         d.rep_on_time, d.rep_accepted,
			         case when d.day < :today then d.rep_expected - d.rep_submitted else 0 end, 0,
			         case when d.day >= :today then d.rep_expected - d.rep_submitted else 0 end
			  from compliance_day d
			  where d.unit_id = any(:units) and d.day >= :fromDay and d.day < :monthsFrom and d.day <= :toDay %2$s
			  union all
			  select d.unit_id, d.ack_expected, d.ack_done, d.ack_on_time, d.rep_expected, d.rep_submitted,
			         d.rep_on_time, d.rep_accepted,
			         case when d.day < :today then d.rep_expected - d.rep_submitted else 0 end, 0,
			         case when d.day >= :today then d.rep_expected - d.rep_submitted else 0 end
			  from compliance_day d
			  where d.unit_id = any(:units) and d.day >= :monthsUntil and d.day >= :fromDay and d.day <= :toDay %2$s
			  union all
			  select r.row_id, 0, 0, 0, 0, 0, 0, 0, 0, count(*), 0
			  from (%3$s) as p
			  cross join lateral (select p.row_id union select cast(:root as bigint)) as r(row_id)
			  group by r.row_id
			) as x
			group by x.unit_id
			""";

	private static final String OF_DIRECTIVE = """
			select %1$s as row_id,
			       count(*) filter (where f.kind = 'A' and (f.done or f.deadline is null or f.deadline < :today)) as ack_expected,
			       count(*) filter (where f.kind = 'A' and f.done) as ack_done,
			       count(*) filter (where f.kind = 'A' and f.on_time) as ack_on_time,
			       count(*) filter (where f.kind = 'R' and (f.done or f.day < :today)) as rep_expected,
			       count(*) filter (where f.kind = 'R' and f.done) as rep_submitted,
			       count(*) filter (where f.kind = 'R' and f.on_time) as rep_on_time,
			       count(*) filter (where f.kind = 'R' and f.accepted) as rep_accepted,
			       count(*) filter (where f.kind = 'R' and not f.done and f.day < :today) as rep_overdue,
			       count(*) filter (where f.kind = 'A' and not f.done and f.deadline >= :today) as ack_pending,
			       count(*) filter (where f.kind = 'R' and not f.done and f.day >= :today) as rep_pending
			from compliance_fact f join unit cu on cu.id = f.unit_id
			where f.directive_id = :directive and f.day between :fromDay and :toDay and cu.path like :scope %2$s
			group by 1
			""";

	private final JdbcClient jdbc;

	private final DashboardProperties properties;

	ComplianceFigures(JdbcClient jdbc, DashboardProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * The figures of each unit's scope, in the order of the units given: the first is the
	 * root, the others lie one level below it.
	 * @param units the units, with their code and name
	 * @param selection the root, the period and the filters
	 * @param incidents the incidents submitted, within target and open past a target, by
	 * row
	 * @param today today, for what is overdue
	 * @param zone the time zone the days of the period are in
	 */
	List<Figures> of(List<UnitRow> units, Selection selection, Map<Long, long[]> incidents, LocalDate today,
			ZoneId zone) {
		if (units.isEmpty()) {
			return List.of();
		}
		UnitRow root = units.get(0);
		Map<Long, long[]> groups = new LinkedHashMap<>();
		String compliance = (selection.directiveId() != null)
				? OF_DIRECTIVE.formatted(ROW_OF.formatted("cu.path").strip(),
						(selection.unitType() != null) ? "and f.unit_type = :type" : "")
				: SUMMED.formatted((selection.unitType() != null) ? "and m.unit_type = :type" : "",
						(selection.unitType() != null) ? "and d.unit_type = :type" : "", ackPending(selection));
		Long[] ids = units.stream().map(UnitRow::id).toArray(Long[]::new);
		bind(this.jdbc.sql(compliance), selection, today, zone).param("units", ids).query((rs, i) -> {
			long[] counts = groups.computeIfAbsent(rs.getLong("row_id"), (id) -> new long[COUNTS.length]);
			for (int c = 0; c < COMPLIANCE_COUNTS; c++) {
				counts[c] = rs.getLong(COUNTS[c]);
			}
			return counts;
		}).list();
		incidents.forEach((row, counts) -> System.arraycopy(counts, 0,
				groups.computeIfAbsent(row, (id) -> new long[COUNTS.length]), COMPLIANCE_COUNTS, counts.length));
		long[] total = (selection.directiveId() != null) ? sum(groups.values())
				: groups.getOrDefault(root.id(), new long[COUNTS.length]);
		if (selection.directiveId() == null) {
			long[] incidentTotal = sum(groups.values());
			System.arraycopy(incidentTotal, COMPLIANCE_COUNTS, total, COMPLIANCE_COUNTS,
					COUNTS.length - COMPLIANCE_COUNTS);
		}
		List<Figures> figures = new ArrayList<>();
		figures.add(figures(root, total));
		units.subList(1, units.size())
			.forEach((unit) -> figures.add(figures(unit, groups.getOrDefault(unit.id(), new long[COUNTS.length]))));
		return figures;
	}

	/**
	 * Binds what the statements of the dashboard may ask for: the root, its path and the
	 * prefix of its scope's paths (a value, so that the planner of each statement knows
	 * how large the scope is), its period (as days and as instants), the whole months of
	 * it the monthly summary answers for, today, the zone and the filters.
	 */
	static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Selection selection, LocalDate today,
			ZoneId zone) {
		DashboardPeriod period = selection.period();
		statement.param("root", selection.unitId())
			.param("rootPath", selection.path())
			.param("scope", selection.path() + "%")
			.param("from", Timestamp.from(period.from().atStartOfDay(zone).toInstant()))
			.param("until", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()))
			.param("fromDay", period.from())
			.param("toDay", period.to())
			.param("monthsFrom", selection.monthsFrom(today))
			.param("monthsUntil", selection.monthsUntil(today))
			.param("today", today)
			.param("zone", zone.getId());
		if (selection.unitType() != null) {
			statement.param("type", selection.unitType());
		}
		if (selection.directiveId() != null) {
			statement.param("directive", selection.directiveId());
		}
		return statement;
	}

	private static long[] sum(Iterable<long[]> rows) {
		long[] total = new long[COUNTS.length];
		rows.forEach((counts) -> {
			for (int c = 0; c < total.length; c++) {
				total[c] += counts[c];
			}
		});
		return total;
	}

	private static final String[] COUNTS = { "ack_expected", "ack_done", "ack_on_time", "rep_expected", "rep_submitted",
			"rep_on_time", "rep_accepted", "rep_overdue", "ack_pending", "rep_pending", "inc_submitted", "inc_within",
			"inc_open_late" };

	/**
	 * How many of the counts are of acknowledgements and reports, the rest incidents'.
	 */
	private static final int COMPLIANCE_COUNTS = 10;

	/**
	 * The statement of the acknowledgements of the scope not yet due, with the row each
	 * counts in, of the type of unit chosen.
	 */
	static String ackPending(Selection selection) {
		return ACK_PENDING
			.formatted(ROW_OF.formatted("cu.path").strip(),
					(selection.unitType() != null) ? "and f.unit_type = :type" : "")
			.strip();
	}

	private Figures figures(UnitRow unit, long[] c) {
		Rate ackOnTime = new Rate(c[2], c[0]);
		Rate repOnTime = new Rate(c[5], c[3]);
		Rate incWithin = new Rate(c[11], c[10]);
		return new Figures(unit.id(), unit.code(), unit.name(), new Rate(c[1], c[0]), ackOnTime, new Rate(c[4], c[3]),
				repOnTime, new Rate(c[6], c[3]), c[7], c[8], c[9], c[10], incWithin, c[12],
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
	 */
	record UnitRow(long id, String code, String name) {
	}

}
