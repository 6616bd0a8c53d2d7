package vn.edu.portal.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The incident lists: a unit's (and its scope's), the Department's triage queue, and the
 * reviewer's own; with their filters, and the other reports of the same event. No list
 * reads the names of the people involved.
 */
@Component
class IncidentQueries {

	static final int PAGE_SIZE = 25;

	/** Past a target: reported late, or triaged (or still not) after its deadline. */
	static final String PAST_TARGET = """
			(i.status <> 'DRAFT' and (i.reported_late or coalesce(i.accepted_at, now()) > i.triage_due_at))
			""";

	/**
	 * How many other units reported the same post or account, submitted: for the rows
	 * listed, in one join (a subquery per row cost half of the triage list's statement).
	 */
	private static final String OTHER_UNITS = """
			select a.incident_id, count(distinct o.unit_id) as units
			from listed l join incident_url a on a.incident_id = l.id
			join incident_url b on b.url_key = a.url_key and b.incident_id <> a.incident_id
			join incident o on o.id = b.incident_id and o.status <> 'DRAFT' and o.unit_id <> l.unit_id
			group by a.incident_id
			""";

	/**
	 * The requests made outside the portal about an incident, as a JSON array (for the
	 * export): platform, agency, asked, reference, sent, answered, outcome.
	 */
	private static final String REQUESTS = """
			(select json_agg(json_build_object('platform', q.platform, 'agency', q.agency, 'asked', q.asked,
			                 'reference', q.reference, 'sentOn', q.sent_on, 'answeredOn', q.answered_on,
			                 'outcome', q.outcome) order by q.sent_on, q.id)::text
			 from incident_request q where q.incident_id = i.id)
			""";

	private final JdbcClient jdbc;

	IncidentQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of a list, and whether another follows. */
	Page list(IncidentAccess.Reader reader, IncidentFilter filter, View view, long me, ZoneId zone) {
		int page = filter.pageOrFirst();
		// The page size written in: with a parameter, the kept plan did not know that the
		// page is a few rows and joined the other units of the same event to all of them.
		// The offset only past the first page: with one, the kept plan expected to skip a
		// tenth of the incidents, looked dearer than one made for the values, and so the
		// first page was planned anew at every request (1 ms on the generated province).
		JdbcClient.StatementSpec statement = filtered(reader, filter, view, me, zone,
				"limit " + (PAGE_SIZE + 1) + ((page > 0) ? " offset :offset" : ""), false);
		if (page > 0) {
			statement = statement.param("offset", page * PAGE_SIZE);
		}
		List<Row> rows = statement.query(IncidentQueries::row).list();
		return new Page(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), rows.size() > PAGE_SIZE, page);
	}

	/** Every row of a list, as a stream to write out (close it). */
	Stream<Row> all(IncidentAccess.Reader reader, IncidentFilter filter, long me, ZoneId zone) {
		return filtered(reader, filter, View.ALL, me, zone, "limit " + EXPORT_LIMIT, true).query(IncidentQueries::row)
			.stream();
	}

	/** The most rows an export holds. */
	static final int EXPORT_LIMIT = 100_000;

	private JdbcClient.StatementSpec filtered(IncidentAccess.Reader reader, IncidentFilter filter, View view, long me,
			ZoneId zone, String limit, boolean withRequests) {
		StringBuilder where = new StringBuilder(
				(view == View.TRIAGE) ? reader.openListCondition() : reader.listCondition());
		where.append(switch (view) {
			case ALL -> "";
			// The statuses of the index of the open incidents (V69), word for word.
			case TRIAGE -> " and i.status in " + IncidentStatus.OPEN_IN_SQL;
			case MINE -> " and i.reviewer_id = :me and i.status <> 'CLOSED'";
		});
		if (filter.status() != null) {
			where.append(" and i.status = :status");
		}
		if (filter.category() != null) {
			where.append(" and i.category = :category");
		}
		if (filter.severity() != null) {
			where.append(" and i.severity = :severity");
		}
		if (filter.platform() != null) {
			where.append(" and i.platform = :platform");
		}
		// Names are read for the rows listed alone, each by its key (in the list,
		// PostgreSQL hashed a country's 54,000 units for each page; joined to the page,
		// it hashed the province's 1,500); the unit is joined in the list only to filter
		// by its place in the tree.
		boolean byUnit = filter.unit() != null && !filter.unit().isBlank();
		if (byUnit) {
			where.append(" and u.path like coalesce((select fu.path from unit fu where fu.code = :unit), '-') || '%'");
		}
		if (filter.fromDay() != null) {
			where.append(" and i.detected_at >= :from");
		}
		if (filter.toDay() != null) {
			where.append(" and i.detected_at < :to");
		}
		if (filter.onlyPastTarget()) {
			where.append(" and ").append(PAST_TARGET);
		}
		List<String> words = Arrays.stream(filter.text().split("\\s+")).filter((w) -> !w.isEmpty()).limit(6).toList();
		for (int i = 0; i < words.size(); i++) {
			where.append(" and (portal_fold(i.summary) like '%' || portal_fold(:w")
				.append(i)
				.append(") || '%' or exists (select 1 from incident_url su where su.incident_id = i.id")
				.append(" and portal_fold(su.url) like '%' || portal_fold(:w")
				.append(i)
				.append(") || '%'))");
		}
		String order = switch (view) {
			case ALL -> "coalesce(i.submitted_at, i.updated_at) desc, i.id desc";
			case TRIAGE, MINE -> "(i.reviewer_id is null) desc, i.severity desc, i.triage_due_at, i.id";
		};
		JdbcClient.StatementSpec statement = reader.bind(this.jdbc.sql("""
				with listed as (
				select i.id, i.unit_id, i.status, i.category, i.severity, i.platform, left(i.summary, 240) as summary,
				       i.detected_at, i.submitted_at, i.updated_at, i.triage_due_at, i.reviewer_id,
				       %s as past_target, %s as requests
				from %s%s
				where %s
				order by %s
				%s
				), other_units as (%s)
				select i.id, i.status, i.category, i.severity, i.platform, i.summary, i.detected_at, i.submitted_at,
				       i.triage_due_at, i.reviewer_id is null as unassigned, i.past_target,
				       coalesce(n.units, 0) as other_units,
				       (select coalesce(u.short_name, u.name) from unit u where u.id = i.unit_id) as unit_name,
				       r.full_name as reviewer_name, i.requests
				from listed i left join account r on r.id = i.reviewer_id
				left join other_units n on n.incident_id = i.id
				order by %s
				""".formatted(PAST_TARGET, withRequests ? REQUESTS : "null::text", reader.listSource(),
				byUnit ? " join unit u on u.id = i.unit_id" : "", where, order, limit, OTHER_UNITS, order)))
			.param("me", me);
		if (filter.status() != null) {
			statement = statement.param("status", filter.status().name());
		}
		if (filter.category() != null) {
			statement = statement.param("category", filter.category().name());
		}
		if (filter.severity() != null) {
			statement = statement.param("severity", filter.severity());
		}
		if (filter.platform() != null) {
			statement = statement.param("platform", filter.platform().name());
		}
		if (filter.unit() != null && !filter.unit().isBlank()) {
			statement = statement.param("unit", filter.unit().strip());
		}
		if (filter.fromDay() != null) {
			statement = statement.param("from", Timestamp.from(filter.fromDay().atStartOfDay(zone).toInstant()));
		}
		if (filter.toDay() != null) {
			statement = statement.param("to",
					Timestamp.from(filter.toDay().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		for (int i = 0; i < words.size(); i++) {
			statement = statement.param("w" + i, words.get(i));
		}
		return statement;
	}

	/**
	 * The other reports of the same event (sharing a post or account) that the reader
	 * sees, with their units.
	 */
	List<Row> sameEvent(IncidentAccess.Reader reader, long incidentId) {
		return reader.bind(this.jdbc.sql("""
				select i.id, i.status, i.category, i.severity, i.platform, left(i.summary, 240) as summary,
				       i.detected_at, i.submitted_at, i.triage_due_at, i.reviewer_id is null as unassigned,
				       %s as past_target, 0 as other_units,
				       coalesce(u.short_name, u.name) as unit_name, r.full_name as reviewer_name, null::text as requests
				from incident i join unit u on u.id = i.unit_id left join account r on r.id = i.reviewer_id
				where i.id <> :id and i.status <> 'DRAFT' and %s
				  and exists (select 1 from incident_url a join incident_url b on b.url_key = a.url_key
				              where a.incident_id = :id and b.incident_id = i.id)
				order by i.submitted_at, i.id
				""".formatted(PAST_TARGET, IncidentAccess.VISIBLE)))
			.param("id", incidentId)
			.query(IncidentQueries::row)
			.list();
	}

	/** The reviewers of the Department, to assign an incident to. */
	List<Reviewer> reviewers(String departmentPath) {
		return this.jdbc.sql("""
				select distinct a.id, a.full_name from account a join unit u on u.id = a.unit_id
				join account_role ar on ar.account_id = a.id
				where u.path like ? || '%' and ar.role in ('DEPARTMENT_OFFICER', 'DEPARTMENT_LEADER') and a.enabled
				order by a.full_name
				""").param(departmentPath).query((rs, i) -> new Reviewer(rs.getLong(1), rs.getString(2))).list();
	}

	String unitName(long unitId) {
		return this.jdbc.sql("select name from unit where id = ?").param(unitId).query(String.class).single();
	}

	String accountName(long accountId) {
		return this.jdbc.sql("select full_name from account where id = ?")
			.param(accountId)
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** The names of accounts, in one query. */
	Map<Long, String> accountNames(Collection<Long> accountIds) {
		Map<Long, String> names = new HashMap<>();
		if (!accountIds.isEmpty()) {
			this.jdbc.sql("select id, full_name from account where id = any(?)")
				.param(accountIds.toArray(new Long[0]))
				.query((rs, i) -> names.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return names;
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), IncidentStatus.valueOf(rs.getString("status")),
				(rs.getString("category") != null) ? Category.valueOf(rs.getString("category")) : null,
				(Integer) rs.getObject("severity"),
				(rs.getString("platform") != null) ? Platform.valueOf(rs.getString("platform")) : null,
				rs.getString("summary"), instant(rs, "detected_at"), instant(rs, "submitted_at"),
				instant(rs, "triage_due_at"), rs.getBoolean("unassigned"), rs.getBoolean("past_target"),
				rs.getInt("other_units"), rs.getString("unit_name"), rs.getString("reviewer_name"),
				rs.getString("requests"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** Which list. */
	enum View {

		ALL, TRIAGE, MINE

	}

	/**
	 * A row of a list.
	 *
	 * @param id the incident
	 * @param status its status
	 * @param category its category
	 * @param severity its severity
	 * @param platform where
	 * @param summary the start of its summary
	 * @param detectedAt when detected
	 * @param submittedAt when submitted
	 * @param triageDueAt when it must be triaged by
	 * @param unassigned whether nobody has taken it on
	 * @param pastTarget whether a target was missed
	 * @param otherUnits how many other units reported the same post or account
	 * @param unitName the reporting unit
	 * @param reviewerName its reviewer
	 * @param requests the requests made outside the portal, a JSON array (exports only),
	 * or {@code null}
	 */
	record Row(long id, IncidentStatus status, Category category, Integer severity, Platform platform, String summary,
			Instant detectedAt, Instant submittedAt, Instant triageDueAt, boolean unassigned, boolean pastTarget,
			int otherUnits, String unitName, String reviewerName, String requests) {
	}

	/**
	 * A page of rows.
	 *
	 * @param rows the rows
	 * @param hasNext whether more follow
	 * @param page the page, from 0
	 */
	record Page(List<Row> rows, boolean hasNext, int page) {
	}

	/**
	 * Someone who may review incidents.
	 *
	 * @param id the account
	 * @param fullName the name
	 */
	record Reviewer(long id, String fullName) {
	}

}
