package vn.edu.portal.dashboard;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

	/**
	 * The path of a unit in the tree and the state of the data the dashboard reads (its
	 * number and the transaction's time), read first; and the planner set for the rest of
	 * the transaction in the same statement: it plans each statement for its values (how
	 * large a scope is depends on the unit, and one plan for every unit is wrong for
	 * most), and starts no parallel workers (no statement reads more than a Department's
	 * incidents, 15,000, too few to pay for starting workers, and concurrent users need
	 * the cores: a Department's monthly sums took 20 ms with two workers under load, 5 ms
	 * without).
	 */
	Scope scope(long unitId) {
		return this.jdbc.sql("""
				select u.path, v.version, v.incidents, v.incidents_settled,
				       dashboard_incidents_settled_before(now()) as settled_before, now() as now,
				       coalesce(current_setting('portal.dashboard_changed', true), '') = 'yes' as changed_here,
				       set_config('plan_cache_mode', 'force_custom_plan', true),
				       set_config('max_parallel_workers_per_gather', '0', true)
				from unit u cross join dashboard_version v where u.id = ?
				""")
			.param(unitId)
			.query((rs, i) -> new Scope(rs.getString("path"), rs.getObject("version", UUID.class),
					rs.getObject("incidents", UUID.class), rs.getObject("incidents_settled", UUID.class),
					rs.getTimestamp("settled_before").toInstant(), rs.getTimestamp("now").toInstant(),
					rs.getBoolean("changed_here")))
			.single();
	}

	/**
	 * A unit's scope as the dashboard finds it.
	 *
	 * @param path the unit's path in the tree
	 * @param version the number of the state of everything the dashboard reads (moved in
	 * the same transaction as any change to it: see {@code dashboard_version})
	 * @param incidentsVersion the number of the state of what the incident figures read
	 * alone (moved with the other by a change to them, and not by any other change)
	 * @param settledVersion the number of the state of what the figures of the settled
	 * incidents read (moved with the two others by a change to a settled incident or to
	 * the units, and by no other change: V68)
	 * @param settledBefore where the settled incidents end: those submitted before it
	 * @param now the time of this transaction, as the statements see it
	 * @param changedHere whether this very transaction has changed what the dashboard
	 * reads, not yet under any number
	 */
	record Scope(String path, UUID version, UUID incidentsVersion, UUID settledVersion, Instant settledBefore,
			Instant now, boolean changedHere) {
	}

	/** A unit, and the open units one level below it, by name. */
	List<ComplianceFigures.UnitRow> unitAndChildren(long unitId) {
		return this.jdbc.sql("""
				select u.id, u.code, u.name from unit u
				where u.id = :unit or (u.parent_id = :unit and u.valid_to is null)
				order by (u.id = :unit) desc, u.name
				""")
			.param("unit", unitId)
			.query((rs, i) -> new ComplianceFigures.UnitRow(rs.getLong("id"), rs.getString("code"),
					rs.getString("name")))
			.list();
	}

	/** The units from the top of the scope down to this one. */
	List<Crumb> breadcrumbs(long unitId, String scopePath) {
		return this.jdbc.sql("""
				select a.id, coalesce(a.short_name, a.name) from unit u
				join unit a on a.id = any(string_to_array(trim(both '/' from u.path), '/')::bigint[])
				where u.id = ? and a.path like ? || '%' order by length(a.path)
				""").params(unitId, scopePath).query((rs, i) -> new Crumb(rs.getLong(1), rs.getString(2))).list();
	}

	/**
	 * In one statement: for each unit one level down (and the root's own), how many of
	 * its reports due in the period resemble another unit's (marked for the reviewer when
	 * submitted); and the requests made outside the portal about the scope's incidents,
	 * sent in the period, for each platform (and each kind of agency): how many, how many
	 * answered, and the median days to an answer.
	 */
	Copies copiesAndRequests(Selection selection, LocalDate today, ZoneId zone) {
		String sql = """
				with scope as materialized (
				  select t.unit_id, %s as row_id
				  from compliance_unit_today t join unit cu on cu.id = t.current_id
				  where cu.path like :scope %s
				)
				select 'copies' as kind, s.row_id, null::text as platform, null::text as agency, count(*) as requests,
				       0::bigint as answered, null::float8 as median_days
				from report r join assignment a on a.id = r.assignment_id join scope s on s.unit_id = a.unit_id
				where r.period_due >= :fromDay and r.period_due <= :toDay %s
				  and exists (select 1 from report_resemblance rr where rr.report_id = r.id)
				group by s.row_id
				union all
				select 'requests', null, q.platform, q.agency, count(*), count(q.answered_on),
				       percentile_cont(0.5) within group (order by q.answered_on - q.sent_on)
				         filter (where q.answered_on is not null)
				from incident_request q join incident i on i.id = q.incident_id join scope s on s.unit_id = i.unit_id
				where q.sent_on >= :fromDay and q.sent_on <= :toDay and i.status <> 'DRAFT' %s
				group by q.platform, q.agency
				order by 1, 5 desc, 3, 4
				""".formatted(ComplianceFigures.ROW_OF.formatted("cu.path").strip(),
				(selection.unitType() != null) ? " and cu.type = :type" : "",
				(selection.directiveId() != null) ? " and a.directive_id = :directive" : "",
				(selection.directiveId() != null) ? " and i.directive_id = :directive" : "");
		Map<Long, Long> copies = new HashMap<>();
		List<PlatformRequests> requests = new ArrayList<>();
		ComplianceFigures.bind(this.jdbc.sql(sql), selection, today, zone).query((rs) -> {
			if (rs.getString("kind").equals("copies")) {
				copies.put(rs.getLong("row_id"), rs.getLong("requests"));
			}
			else {
				requests.add(new PlatformRequests(rs.getString("platform"), rs.getString("agency"),
						new Rate(rs.getLong("answered"), rs.getLong("requests")),
						(rs.getObject("median_days") != null) ? rs.getDouble("median_days") : null));
			}
		});
		return new Copies(copies, requests);
	}

	/**
	 * Reports copied and requests made outside the portal, for the dashboard.
	 *
	 * @param reportsResembling for each unit of a row, how many of its reports resemble
	 * another unit's (none when absent)
	 * @param requests the requests made about incidents, by platform, the most first
	 */
	record Copies(Map<Long, Long> reportsResembling, List<PlatformRequests> requests) {
	}

	/**
	 * The incidents of the scope in one pass: of those submitted in the period, for each
	 * unit one level down (and the root's own) how many and how many within target, the
	 * counts by category, severity, status and month, and the times measured, each part
	 * apart (settled or recent: see {@link IncidentReading}); and of those open, whenever
	 * submitted, how many are past a target for each row, and the next moment one passes
	 * its target for triage. Of the type of unit, or linked to the directive, chosen.
	 * Which row a unit counts in is worked out once for each unit of the scope, not for
	 * each incident; the month only for the incidents of the months asked for (from
	 * {@code monthsFrom}), the others left without one.
	 * @param selection what is counted
	 * @param monthsFrom the first month counted by month
	 * @param today the day
	 * @param zone the time zone of the days and months
	 * @param settledBefore where the settled incidents end; {@code null} to read the
	 * period's incidents all as recent ones
	 * @param withSettled whether to read the settled incidents of the period, or only
	 * those submitted from {@code settledBefore} on
	 */
	IncidentReading incidents(Selection selection, YearMonth monthsFrom, LocalDate today, ZoneId zone,
			Instant settledBefore, boolean withSettled) {
		Instant from = selection.period().from().atStartOfDay(zone).toInstant();
		boolean split = settledBefore != null && settledBefore.isAfter(from);
		Instant readFrom = (split && !withSettled) ? settledBefore : from;
		String directive = (selection.directiveId() != null) ? " and i.directive_id = :directive" : "";
		String sql = """
				with scope as materialized (
				  select t.unit_id, %1$s as row_id
				  from compliance_unit_today t join unit cu on cu.id = t.current_id
				  where cu.path like :scope %2$s
				), x as materialized (
				  select s.row_id, %4$s as settled,
				         case when i.submitted_at >= :incidentMonthsFrom
				              then date_trunc('month', i.submitted_at at time zone :zone)::date end as month,
				         i.category, i.severity::text as severity, i.status, i.reported_late,
				         date_part('epoch', i.submitted_at - i.detected_at) as to_report,
				         date_part('epoch', i.accepted_at - i.submitted_at) as to_triage,
				         date_part('epoch', i.resolved_at - i.submitted_at) as to_resolution
				  from incident i join scope s on s.unit_id = i.unit_id
				  where i.status <> 'DRAFT' and i.submitted_at >= :readFrom and i.submitted_at < :until %3$s
				)
				select case when grouping(x.row_id) = 0 then 'row' when grouping(x.month) = 0 then 'month'
				            when grouping(x.category) = 0 then 'category' when grouping(x.severity) = 0 then 'severity'
				            else 'status' end as kind,
				       x.settled, x.row_id, x.month, coalesce(x.category, x.severity, x.status) as value,
				       count(*) as submitted, count(*) filter (where not x.reported_late) as within_target,
				       null::float8[] as to_report, null::float8[] as to_triage, null::float8[] as to_resolution,
				       null::timestamptz as late_from
				from x
				group by grouping sets ((x.settled, x.row_id), (x.settled, x.month, x.category), (x.settled, x.category),
				                        (x.settled, x.severity), (x.settled, x.status))
				union all
				select 'times', x.settled, null, null, null, 0, 0,
				       array_agg(x.to_report order by x.to_report) filter (where x.to_report is not null),
				       array_agg(x.to_triage order by x.to_triage) filter (where x.to_triage is not null),
				       array_agg(x.to_resolution order by x.to_resolution) filter (where x.to_resolution is not null),
				       null
				from x group by x.settled
				union all
				select 'open', null, s.row_id, null, null,
				       count(*) filter (where i.reported_late or coalesce(i.accepted_at, now()) > i.triage_due_at), 0,
				       null, null, null,
				       min(i.triage_due_at)
				         filter (where not i.reported_late and i.accepted_at is null and i.triage_due_at >= now())
				from incident i join scope s on s.unit_id = i.unit_id
				where i.status in %5$s %3$s
				group by s.row_id
				"""
			.formatted(ComplianceFigures.ROW_OF.formatted("cu.path").strip(),
					(selection.unitType() != null) ? " and cu.type = :type" : "", directive,
					(split && withSettled) ? "i.submitted_at < :settledBefore" : "false", OPEN);
		IncidentCounts.Builder settled = new IncidentCounts.Builder();
		IncidentCounts.Builder recent = new IncidentCounts.Builder();
		Map<Long, Long> openLate = new HashMap<>();
		Instant[] changesAt = { null };
		JdbcClient.StatementSpec statement = ComplianceFigures.bind(this.jdbc.sql(sql), selection, today, zone)
			.param("incidentMonthsFrom", Timestamp.from(monthsFrom.atDay(1).atStartOfDay(zone).toInstant()))
			.param("readFrom", Timestamp.from(readFrom));
		if (split && withSettled) {
			statement = statement.param("settledBefore", Timestamp.from(settledBefore));
		}
		statement.query((rs) -> {
			String kind = rs.getString("kind");
			if (kind.equals("open")) {
				openLate.put(rs.getLong("row_id"), rs.getLong("submitted"));
				Timestamp lateFrom = rs.getTimestamp("late_from");
				if (lateFrom != null && (changesAt[0] == null || lateFrom.toInstant().isBefore(changesAt[0]))) {
					changesAt[0] = lateFrom.toInstant();
				}
				return;
			}
			IncidentCounts.Builder part = rs.getBoolean("settled") ? settled : recent;
			switch (kind) {
				case "row" -> part.row(rs.getLong("row_id"), rs.getLong("submitted"), rs.getLong("within_target"));
				case "month" -> {
					if (rs.getObject("month") != null) {
						part.month(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getString("value"),
								rs.getLong("submitted"));
					}
				}
				case "times" -> part.times(times(rs, "to_report"), times(rs, "to_triage"), times(rs, "to_resolution"));
				default -> part.by(kind, rs.getString("value"), rs.getLong("submitted"));
			}
		});
		return new IncidentReading((split && withSettled) ? settled.build() : null, recent.build(), openLate,
				changesAt[0]);
	}

	/**
	 * What {@link #incidents} read.
	 *
	 * @param settled the figures of the period's settled incidents (submitted before the
	 * moment given), or {@code null} when they were not read
	 * @param recent the figures of the period's other incidents
	 * @param openLate for each row, how many open incidents (whenever submitted) are past
	 * a target
	 * @param changesAt the next moment at which an open incident of the scope passes its
	 * target for triage, so that the figures change with no change to the data; none when
	 * no open incident will
	 */
	record IncidentReading(IncidentCounts settled, IncidentCounts recent, Map<Long, Long> openLate, Instant changesAt) {

		/** The figures of the whole period, with its settled incidents' when given. */
		Incidents with(IncidentCounts settledCounts) {
			return ((settledCounts != null) ? settledCounts.plus(this.recent) : this.recent).with(this.openLate,
					this.changesAt);
		}

	}

	/**
	 * The statuses of an open incident, written as the index of the open incidents (V69)
	 * is, so that PostgreSQL reads them from it.
	 */
	static final String OPEN = "('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'NEEDS_INFO', 'ESCALATED')";

	private static double[] times(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		if (array == null) {
			return new double[0];
		}
		Object values = array.getArray();
		return (values instanceof double[] primitive) ? primitive
				: Arrays.stream((Double[]) values).mapToDouble(Double::doubleValue).toArray();
	}

	/**
	 * The incident figures of a scope.
	 *
	 * @param rows for each unit one level down (and the root), those submitted, within
	 * target, and open past a target
	 * @param by the counts by category, severity and status, the most first
	 * @param medians the median times
	 * @param months the counts by month and category
	 * @param changesAt the next moment at which an open incident of the scope passes its
	 * target for triage, so that these figures change with no change to the data; none
	 * when no open incident will
	 */
	record Incidents(Map<Long, long[]> rows, Map<String, List<Count>> by, Medians medians, List<MonthCount> months,
			Instant changesAt) {

		/** Whether these figures are still those of the same data at a moment. */
		boolean holdAt(Instant now) {
			return this.changesAt == null || now.isBefore(this.changesAt);
		}

		/** How many rows these figures hold. */
		int weight() {
			return 1 + this.rows.size() + this.months.size() + this.by.values().stream().mapToInt(List::size).sum();
		}
	}

	/**
	 * How many incidents of a category a month had.
	 *
	 * @param month the month
	 * @param category the category
	 * @param count how many
	 */
	record MonthCount(YearMonth month, String category, long count) {
	}

	/**
	 * Who has not responded: the assignments of the scope delivered in the period whose
	 * deadline to acknowledge has passed unacknowledged, and its reports due in the
	 * period whose deadline has passed unsubmitted; the oldest first (by the day
	 * delivered or due, then the deadline). The deadlines to list are chosen from the
	 * pending facts' index alone; only those are then read with their unit and directive.
	 */
	List<Pending> notResponded(Selection selection, LocalDate today, ZoneId zone, int limit) {
		return ComplianceFigures
			.bind(this.jdbc
				.sql("""
						select f.assignment_id, f.kind = 'R' as report, f.deadline, cu.name as unit_name, d.id as directive_id,
						       %s as number, d.subject
						from (
						  select o.assignment_id, o.kind, o.day from compliance_fact o
						  where not o.done and o.deadline < :today and o.day between :fromDay and :toDay
						    and o.unit_id in (select su.id from unit su where su.path like :scope) %s
						  order by o.day, o.deadline, o.unit_id, o.assignment_id, o.kind limit :limit
						) as listed
						join compliance_fact f on f.assignment_id = listed.assignment_id and f.kind = listed.kind
						  and f.day = listed.day
						join unit cu on cu.id = f.unit_id join directive d on d.id = f.directive_id
						order by f.day, f.deadline, f.unit_id, f.assignment_id, f.kind
						"""
					.formatted(DirectiveCatalog.NUMBER_AND_SYMBOL_SQL,
							((selection.unitType() != null) ? " and o.unit_type = :type" : "")
									+ ((selection.directiveId() != null) ? " and o.directive_id = :directive" : ""))),
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
		String sql = (selection.directiveId() != null) ? """
				select to_char(f.day, 'MM/YYYY') as month,
				       count(*) filter (where f.kind = 'A' and (f.done or f.deadline is null or f.deadline < :today))
				         as ack_expected,
				       count(*) filter (where f.kind = 'A' and f.on_time) as ack_on_time,
				       count(*) filter (where f.kind = 'R' and (f.done or f.day < :today)) as rep_expected,
				       count(*) filter (where f.kind = 'R' and f.on_time) as rep_on_time
				from compliance_fact f join unit cu on cu.id = f.unit_id
				where f.directive_id = :directive and f.day between :fromDay and :toDay and cu.path like :scope %s
				group by 1
				""".formatted(type.replace("x.", "f.")) : """
				select to_char(x.month, 'MM/YYYY') as month, sum(x.ack_expected) as ack_expected,
				       sum(x.ack_on_time) as ack_on_time, sum(x.rep_expected) as rep_expected,
				       sum(x.rep_on_time) as rep_on_time
				from (
				  select x.month, x.ack_expected, x.ack_on_time, x.rep_expected, x.rep_on_time
				  from compliance_month x
				  where x.unit_id = :root and x.month >= :monthsFrom and x.month < :monthsUntil %1$s
				  union all
				  select date_trunc('month', x.day)::date, x.ack_expected, x.ack_on_time,
				         case when x.day >= :today then x.rep_submitted else x.rep_expected end, x.rep_on_time
				  from compliance_day x
				  where x.unit_id = :root and x.day >= :fromDay and x.day <= :toDay
				    and (x.day < :monthsFrom or x.day >= :monthsUntil) %1$s
				  union all
				  select date_trunc('month', p.day)::date, -count(*), 0, 0, 0
				  from (%2$s) as p
				  group by 1
				) as x
				group by x.month
				""".formatted(type, ComplianceFigures.ackPending(selection));
		Map<String, Rate[]> months = new LinkedHashMap<>();
		ComplianceFigures.bind(this.jdbc.sql(sql), selection, today, zone)
			.query((rs, i) -> months.put(rs.getString("month"),
					new Rate[] { new Rate(rs.getLong("ack_on_time"), rs.getLong("ack_expected")),
							new Rate(rs.getLong("rep_on_time"), rs.getLong("rep_expected")) }))
			.list();
		return months;
	}

	/** The unit an assignment counts under today, if it is one. */
	/**
	 * Whether the assignment has that deadline passed and still open: the one thing a
	 * unit may be reminded of from the dashboard.
	 */
	boolean isMissed(long assignmentId, boolean report, LocalDate due, LocalDate today) {
		return this.jdbc.sql("""
				select exists (select 1 from compliance_fact
				               where assignment_id = ? and kind = ? and deadline = ? and not done and deadline < ?)
				""").params(assignmentId, report ? "R" : "A", due, today).query(Boolean.class).single();
	}

	Optional<Long> unitOf(long assignmentId) {
		return this.jdbc.sql("""
				select t.current_id from assignment a join compliance_unit_today t on t.unit_id = a.unit_id
				where a.id = ?
				""").param(assignmentId).query(Long.class).optional();
	}

	/**
	 * The directives of the period to choose one from: those issued by a unit of the
	 * scope in the period to some unit (a báo cáo sent only outside has no figures), and
	 * those delivered in the period to the unit or to a unit one level below it. All are
	 * the reader's to see (issued or received in the scope).
	 */
	List<DirectiveChoice> directivesOf(Selection selection, LocalDate today, ZoneId zone, int limit) {
		return ComplianceFigures.bind(this.jdbc.sql("""
				select d.id, %s as number, d.subject from directive d
				where d.status = 'PUBLISHED' and (
				  (d.issued_on between :fromDay and :toDay
				   and d.issuer_unit_id in (select u.id from unit u where u.path like :scope)
				   and exists (select 1 from assignment da where da.directive_id = d.id))
				  or d.id in (select a.directive_id from assignment a
				              where a.unit_id = any(array(select cast(:root as bigint)
				                                        union all select c.id from unit c where c.parent_id = :root))
				                and a.delivered_at >= :from and a.delivered_at < :until))
				order by d.issued_on desc, d.id desc limit :limit
				""".formatted(DirectiveCatalog.NUMBER_AND_SYMBOL_SQL)), selection, today, zone)
			.param("limit", limit)
			.query((rs, i) -> new DirectiveChoice(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * A directive to choose.
	 *
	 * @param id the directive
	 * @param number its number and symbol
	 * @param subject its subject
	 */
	record DirectiveChoice(long id, String number, String subject) {
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
			return (hours == null) ? "—" : String.format(Locale.ROOT, "%.1f", hours);
		}

	}

	/**
	 * The requests to one platform (or one kind of agency) about incidents.
	 *
	 * @param platform the platform (an incident platform's name), or {@code null}
	 * @param agency the kind of agency (POLICE, INFORMATION_DEPARTMENT, OTHER), or
	 * {@code null}
	 * @param answered those answered, of all the requests
	 * @param medianDays the median days from sending to an answer, or {@code null}
	 */
	record PlatformRequests(String platform, String agency, Rate answered, Double medianDays) {

		/** The message key of whom it went to. */
		public String targetKey() {
			return (this.platform != null) ? "incident.platform." + this.platform
					: "incident.request.agency." + this.agency;
		}

		/** The median as shown: "2", "2,5", or "—". */
		public String medianText() {
			if (this.medianDays == null) {
				return "—";
			}
			return (this.medianDays % 1 == 0) ? String.valueOf(this.medianDays.longValue())
					: String.format(java.util.Locale.ROOT, "%.1f", this.medianDays).replace('.', ',');
		}

	}

}
