package vn.edu.portal.directive;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.organisation.UnitType;

/**
 * The read side of the directive pages: one query per list or panel, within the reader's
 * scope.
 */
@Component
class DirectiveQueries {

	static final int PAGE_SIZE = 25;

	private static final int MAX_WORDS = 8;

	private final JdbcClient jdbc;

	DirectiveQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the directives the reader sees, newest first, plus one beyond it to tell
	 * whether a next page exists, and the issuing units the reader may filter by. Every
	 * word typed must appear in the number, symbol, subject, body or a task, folding case
	 * and diacritics. One statement: the directives visible to the reader are worked out
	 * once for both. PostgreSQL keeps one plan for it: visibility is the list's form of
	 * the rule, only the filters asked for are written, the page size is written in, and
	 * the offset only past the first page. The visible set holds only what the filters
	 * and the order read (the search text only when words are typed); the page is chosen
	 * from it before its directives' other columns and their issuers' names are joined to
	 * it: a district office of the generated province sees 1,660 directives, and carrying
	 * each one's subject and search text through the set and its sort made the statement
	 * 2.3 ms instead of 1.7. The issuers' names are read by their keys (as a set joined
	 * to the units, PostgreSQL read the province's 1,500 units to hash them for a
	 * school's one issuer).
	 */
	ListPage page(DirectiveAccess.Reader reader, DirectiveFilter filter) {
		List<String> words = Arrays.stream(filter.textOrEmpty().split("\\s+"))
			.filter((word) -> !word.isEmpty())
			.limit(MAX_WORDS)
			.toList();
		// Only the conditions the filter asks for, each with its value, so that the plan
		// kept for the list counts the directives it will find: with a condition of the
		// form "cast(:type as varchar) is null or ..." for each filter, PostgreSQL
		// expected one and looked up each one's issuer by itself.
		StringBuilder conditions = new StringBuilder();
		Map<String, Object> values = new HashMap<>();
		if (filter.year() != null) {
			conditions.append(" and coalesce(d.year, extract(year from d.created_at)::int) = :year");
			values.put("year", filter.year());
		}
		if (filter.type() != null) {
			conditions.append(" and d.type = :type");
			values.put("type", filter.type().name());
		}
		if (filter.status() != null) {
			conditions.append(" and d.status = :status");
			values.put("status", filter.status().name());
		}
		if (filter.issuer() != null) {
			conditions.append(" and d.issuer_unit_id = :issuer");
			values.put("issuer", filter.issuer());
		}
		for (int i = 0; i < words.size(); i++) {
			conditions.append(" and (d.search_text like '%' || portal_fold(:w")
				.append(i)
				.append(") || '%' or exists (select 1 from directive_task t where t.directive_id = d.id and portal_fold(t.text) like '%' || portal_fold(:w")
				.append(i)
				.append(") || '%'))");
			values.put("w" + i, escapeLike(words.get(i)));
		}
		if (filter.pageNumber() > 0) {
			values.put("offset", filter.pageNumber() * PAGE_SIZE);
		}
		if (conditions.isEmpty() && reader.inOrder() != null) {
			return pageInOrder(reader, filter.pageNumber());
		}
		return reader.bind(this.jdbc.sql("""
				with visible as materialized (
				  select d.id, d.status, d.type, d.number, d.issued_on, d.issuer_unit_id, d.year, d.created_at%s
				  from directive d where %s
				), issuers as (
				  select array_agg(s.id order by s.name, s.id) as ids, array_agg(s.name order by s.name, s.id) as names
				  from (select n.id, (select u.name from unit u where u.id = n.id) as name
				        from (select distinct v.issuer_unit_id as id from visible v) as n) as s
				)
				select i.ids as issuer_ids, i.names as issuer_names, l.*
				from issuers i left join (
				  select p.id, p.status, p.type, p.number, p.symbol, p.issued_on, p.subject, p.urgency, p.amendment,
				         p.updated_at, iu.name as issuer_name
				  from (
				    select d.id from visible d where true %s
				    order by coalesce(d.issued_on, d.created_at::date) desc, d.number desc nulls first, d.id desc
				    limit %d%s
				  ) as v join directive p on p.id = v.id join unit iu on iu.id = p.issuer_unit_id
				  order by coalesce(p.issued_on, p.created_at::date) desc, p.number desc nulls first, p.id desc
				) l on true
				""".formatted(words.isEmpty() ? "" : ", d.search_text", reader.listCondition(), conditions,
				PAGE_SIZE + 1, values.containsKey("offset") ? " offset :offset" : "")))
			.params(values)
			.query((ResultSetExtractor<ListPage>) DirectiveQueries::readPage);
	}

	/**
	 * A page of the list of a reader at the top two levels of the tree, asked for no
	 * filter: first the issuers of the directives the reader sees (those its filter
	 * offers, from the tables that keep them; every directive it sees is of one of them);
	 * then, for each issuer, its issued directives read in the list's order (V66), each
	 * let through or not, until the page is full, merged; the few not yet issued apart.
	 * The generated province, a Department officer's first page: 3.3 ms of PostgreSQL
	 * read all 1,974 directives the Department sees, sorted them and grouped their
	 * issuers; now about the page is read.
	 */
	private ListPage pageInOrder(DirectiveAccess.Reader reader, int pageNumber) {
		DirectiveAccess.InOrder inOrder = reader.inOrder();
		int reach = (pageNumber + 1) * PAGE_SIZE + 1;
		// The columns shown are read with the directives themselves, and each name by
		// its key: joined after the page, PostgreSQL read the whole table of directives
		// (or of units) to hash it for 26 rows.
		String columns = "d.id, d.status, d.type, d.number, d.symbol, d.issued_on, d.subject, d.urgency, d.amendment, "
				+ "d.updated_at, d.issuer_unit_id";
		return reader.bind(this.jdbc.sql("""
				with issuer_set as materialized (%1$s
				), issuers as (
				  select array_agg(s.id order by s.name, s.id) as ids, array_agg(s.name order by s.name, s.id) as names
				  from (select n.id, (select u.name from unit u where u.id = n.id) as name from issuer_set n) as s
				)
				select i.ids as issuer_ids, i.names as issuer_names, l.*
				from issuers i left join (
				  select v.id, v.status, v.type, v.number, v.symbol, v.issued_on, v.subject, v.urgency, v.amendment,
				         v.updated_at, (select iu.name from unit iu where iu.id = v.issuer_unit_id) as issuer_name
				  from (
				    (select q.* from issuer_set n cross join lateral (
				       select %6$s, d.issued_on as listed_on from directive d
				       where d.issuer_unit_id = n.id and d.issued_on is not null and %2$s
				       order by d.issued_on desc, d.number desc nulls first, d.id desc limit %3$d) as q)
				    union all
				    (select %6$s, d.created_at::date from directive d
				     where d.issued_on is null and %2$s
				     order by d.created_at::date desc, d.number desc nulls first, d.id desc limit %3$d)
				    order by listed_on desc, number desc nulls first, id desc
				    limit %4$d%5$s
				  ) as v
				  order by v.listed_on desc, v.number desc nulls first, v.id desc
				) l on true
				""".formatted(inOrder.issuers(), inOrder.condition(), reach, PAGE_SIZE + 1,
				(pageNumber > 0) ? " offset " + pageNumber * PAGE_SIZE : "", columns)))
			.query((ResultSetExtractor<ListPage>) DirectiveQueries::readPage);
	}

	/**
	 * Reads a page: the issuers come with every row (and alone in a row when no directive
	 * matches the filter).
	 */
	private static ListPage readPage(ResultSet rs) throws SQLException {
		List<ListRow> rows = new ArrayList<>();
		List<Option> issuers = null;
		while (rs.next()) {
			if (issuers == null) {
				issuers = issuers(rs.getArray("issuer_ids"), rs.getArray("issuer_names"));
			}
			if (rs.getObject("id") != null) {
				rows.add(new ListRow(rs.getLong("id"), DirectiveStatus.valueOf(rs.getString("status")),
						DocumentType.valueOf(rs.getString("type")), (Integer) rs.getObject("number"),
						rs.getString("symbol"), rs.getObject("issued_on", LocalDate.class), rs.getString("subject"),
						Urgency.valueOf(rs.getString("urgency")), rs.getInt("amendment"),
						rs.getTimestamp("updated_at").toInstant(), rs.getString("issuer_name")));
			}
		}
		return new ListPage(rows, (issuers != null) ? issuers : List.of());
	}

	private static List<Option> issuers(Array ids, Array names) throws SQLException {
		if (ids == null) {
			return List.of();
		}
		Long[] id = (Long[]) ids.getArray();
		String[] name = (String[]) names.getArray();
		List<Option> issuers = new ArrayList<>(id.length);
		for (int i = 0; i < id.length; i++) {
			issuers.add(new Option(id[i], name[i]));
		}
		return issuers;
	}

	/**
	 * The recipient units recorded at publication, with their role, as the tree was then:
	 * the first of them (those to implement, then those informed, each in the tree's
	 * order), and how many there are in all, in one statement.
	 * @param limit how many to list at most
	 */
	Recipients recipients(long directiveId, int limit) {
		// Only the rows listed are joined to their successors; the counts read the
		// directive's recipients alone (one row of nulls beside them when it has none).
		return this.jdbc.sql("""
				select u.id, u.code, u.name, u.type, f.role, u.valid_to, s.name as successor_name, c.recipients,
				       c.implementing
				from (select count(*) as recipients, count(*) filter (where r.role = 'IMPLEMENT') as implementing
				      from directive_recipient r where r.directive_id = :directive) as c
				left join lateral (
				  select r.unit_id, r.role, u.path from directive_recipient r join unit u on u.id = r.unit_id
				  where r.directive_id = :directive order by r.role, u.path limit %d
				) as f on true
				left join unit u on u.id = f.unit_id left join unit s on s.id = u.successor_id
				order by f.role, f.path
				""".formatted(limit)).param("directive", directiveId).query((ResultSetExtractor<Recipients>) (rs) -> {
			List<RecipientRow> listed = new ArrayList<>();
			long count = 0;
			long implementing = 0;
			while (rs.next()) {
				count = rs.getLong("recipients");
				implementing = rs.getLong("implementing");
				if (rs.getObject("id") != null) {
					listed.add(new RecipientRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
							UnitType.valueOf(rs.getString("type")), RecipientRole.valueOf(rs.getString("role")),
							rs.getObject("valid_to", LocalDate.class), rs.getString("successor_name")));
				}
			}
			return new Recipients(listed, count, implementing);
		});
	}

	/**
	 * The recipients of a directive, or the first of them.
	 *
	 * @param listed those listed
	 * @param count how many there are in all
	 * @param implementing how many of them are to implement it
	 */
	record Recipients(List<RecipientRow> listed, long count, long implementing) {

		/** Whether some are not listed. */
		public boolean more() {
			return this.listed.size() < this.count;
		}

	}

	/**
	 * Published directives of an issuer that one of its directives may refer to, newest
	 * first.
	 */
	List<Option> referable(long issuerUnitId) {
		return this.jdbc.sql("""
				select id, %s || ' · ' || to_char(issued_on, 'DD/MM/YYYY') || ' · ' || left(subject, 80) as label
				from directive d where issuer_unit_id = ? and status = 'PUBLISHED'
				order by issued_on desc, number desc limit 200
				""".formatted(DirectiveCatalog.NUMBER_AND_SYMBOL_SQL))
			.param(issuerUnitId)
			.query((rs, i) -> new Option(rs.getLong("id"), rs.getString("label")))
			.list();
	}

	/**
	 * The numbers and subjects of the directives of the same issuer that a directive
	 * refers to.
	 */
	List<Option> referenced(List<Long> ids, long issuerUnitId) {
		return this.jdbc.sql("""
				select id, %s || ' ngày ' || to_char(issued_on, 'DD/MM/YYYY') || ' · ' || subject as label
				from directive d where id = any(?) and issuer_unit_id = ? and number is not null
				""".formatted(DirectiveCatalog.NUMBER_AND_SYMBOL_SQL))
			.param(ids.toArray(Long[]::new))
			.param(issuerUnitId)
			.query((rs, i) -> new Option(rs.getLong("id"), rs.getString("label")))
			.list();
	}

	private static String escapeLike(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * A page of the list.
	 *
	 * @param rows the directives of the page, and one beyond it if there is a next page
	 * @param issuers the issuing units the reader may filter by, by name
	 */
	record ListPage(List<ListRow> rows, List<Option> issuers) {
	}

	/**
	 * A row of the list.
	 *
	 * @param id the directive
	 * @param status its status
	 * @param type its type
	 * @param number its number, or {@code null} for a draft
	 * @param symbol its symbol
	 * @param issuedOn its date of issue
	 * @param subject its subject
	 * @param urgency its urgency
	 * @param amendment how many times it was amended
	 * @param updatedAt its last change
	 * @param issuerName the issuing unit
	 */
	record ListRow(long id, DirectiveStatus status, DocumentType type, Integer number, String symbol,
			LocalDate issuedOn, String subject, Urgency urgency, int amendment, Instant updatedAt, String issuerName) {

		public String numberAndSymbol() {
			return (this.number != null) ? Decree30.numberAndSymbol(this.number, this.symbol) : null;
		}

		/** Whether it is a công văn, whose subject reads "V/v …". */
		public boolean congVan() {
			return this.type == DocumentType.CONG_VAN;
		}

	}

	/**
	 * A recipient unit.
	 *
	 * @param unitId the unit
	 * @param code its code
	 * @param name its name
	 * @param type its type
	 * @param role implement or inform
	 * @param closedOn the day it closed, or {@code null}
	 * @param successorName the unit it merged into, or {@code null}
	 */
	record RecipientRow(long unitId, String code, String name, UnitType type, RecipientRole role, LocalDate closedOn,
			String successorName) {
	}

	/**
	 * A choice of a select.
	 *
	 * @param id its value
	 * @param label its label
	 */
	record Option(long id, String label) {
	}

}
