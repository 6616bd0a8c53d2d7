package vn.edu.portal.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side of the unit administration pages: one set-based query per need. */
@Component
class UnitQueries {

	/**
	 * Levels below the root that the tree page shows; deeper units are reached by opening
	 * a node.
	 */
	static final int TREE_DEPTH = 3;

	/** The most units one tree page shows; beyond it, one level fewer. */
	static final int TREE_LIMIT = 2_000;

	static final int SEARCH_LIMIT = 100;

	private static final String ROW = """
			select u.id, u.code, u.name, u.short_name, u.type, u.parent_id, u.path, u.valid_from, u.valid_to,
			       u.agency_code, s.name as successor_name, s.id as successor_id,
			       (select count(*) from unit c where c.parent_id = u.id) as children
			from unit u left join unit s on s.id = u.successor_id
			""";

	private final JdbcClient jdbc;

	private final RowMapper<UnitNode> nodes = this::node;

	UnitQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The tree below a root (or from the top), {@link #TREE_DEPTH} levels deep. */
	List<UnitNode> tree(Long rootId, String scopePath) {
		String rootPath = (rootId != null) ? node(rootId, scopePath).path() : scopePath;
		int rootDepth = depth(rootPath);
		int levels = (countDown(rootPath, rootDepth, TREE_DEPTH) <= TREE_LIMIT) ? TREE_DEPTH : TREE_DEPTH - 1;
		List<UnitNode> rows = this.jdbc.sql(ROW + """
				where u.path like :path || '%'
				  and length(u.path) - length(replace(u.path, '/', '')) - 1 between :from and :to
				order by u.name collate vietnamese, u.id
				""")
			.param("path", rootPath)
			.param("from", Math.max(rootDepth, 1))
			.param("to", rootDepth + levels)
			.query(this.nodes)
			.list();
		Map<Long, UnitNode> byId = new LinkedHashMap<>();
		rows.forEach((node) -> byId.put(node.id(), node));
		List<UnitNode> roots = new ArrayList<>();
		for (UnitNode node : rows) {
			UnitNode parent = (node.parentId() != null) ? byId.get(node.parentId()) : null;
			if (parent != null) {
				parent.children().add(node);
			}
			else {
				roots.add(node);
			}
		}
		Comparator<UnitNode> byType = Comparator.comparing((UnitNode node) -> node.type().ordinal());
		byId.values().forEach((node) -> node.children().sort(byType));
		roots.sort(byType);
		return roots;
	}

	private long countDown(String rootPath, int rootDepth, int levels) {
		return this.jdbc.sql("""
				select count(*) from unit u where u.path like :path || '%'
				  and length(u.path) - length(replace(u.path, '/', '')) - 1 <= :to
				""").param("path", rootPath).param("to", rootDepth + levels).query(Long.class).single();
	}

	/**
	 * Units whose name or code matches, without diacritics, with the path of names above
	 * each.
	 */
	List<UnitNode> search(String text, String scopePath) {
		SearchWords words = new SearchWords(text);
		return words.bind(this.jdbc.sql(ROW + """
				where u.path like :scope || '%' and {words}
				order by u.valid_to nulls first, u.name collate vietnamese, u.id
				limit :limit
				""".replace("{words}", words.condition())))
			.param("scope", scopePath)
			.param("limit", SEARCH_LIMIT)
			.query(this.nodes)
			.list();
	}

	/** Open units per type in a subtree (or everywhere). */
	List<TypeCount> countsByType(Long rootId, String scopePath) {
		String rootPath = (rootId != null) ? node(rootId, scopePath).path() : scopePath;
		return this.jdbc.sql("""
				select u.type, count(*) as units from unit u
				where u.valid_to is null and u.path like :path || '%'
				group by u.type
				""")
			.param("path", rootPath)
			.query((rs, i) -> new TypeCount(UnitType.valueOf(rs.getString("type")), rs.getLong("units")))
			.list()
			.stream()
			.sorted(Comparator.comparing((TypeCount count) -> count.type().ordinal()))
			.toList();
	}

	/** A unit of the scope, or 404. */
	UnitNode node(long unitId, String scopePath) {
		return this.jdbc.sql(ROW + " where u.id = ? and u.path like ? || '%'")
			.param(unitId)
			.param(scopePath)
			.query(this.nodes)
			.optional()
			.orElseThrow(() -> new UnitNotFoundException(unitId));
	}

	/**
	 * The units above a unit within the scope, from the top: the ids of its path, no
	 * scan.
	 */
	List<Crumb> ancestors(String path, String scopePath) {
		return this.jdbc.sql("""
				select a.id, coalesce(a.short_name, a.name) as name from unit a
				where a.id = any(string_to_array(trim(both '/' from :path), '/')::bigint[])
				  and a.path <> :path and a.path like :scope || '%'
				order by length(a.path)
				""")
			.param("path", path)
			.param("scope", scopePath)
			.query((rs, i) -> new Crumb(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	/** Units that closed and merged into this one. */
	List<UnitNode> predecessors(long unitId, String scopePath) {
		return this.jdbc.sql(ROW
				+ " where u.successor_id = ? and u.path like ? || '%' order by u.valid_to, u.name collate vietnamese")
			.param(unitId)
			.param(scopePath)
			.query(this.nodes)
			.list();
	}

	List<UnitNode> children(long unitId) {
		return this.jdbc.sql(ROW + " where u.parent_id = ? order by u.valid_to nulls first, u.name collate vietnamese")
			.param(unitId)
			.query(this.nodes)
			.list();
	}

	String codeOf(Long unitId) {
		return (unitId != null)
				? this.jdbc.sql("select code from unit where id = ?").param(unitId).query(String.class).single() : null;
	}

	private UnitNode node(ResultSet rs, int row) throws SQLException {
		return new UnitNode(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
				UnitType.valueOf(rs.getString("type")), (Long) rs.getObject("parent_id"), rs.getString("path"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getString("successor_name"), (Long) rs.getObject("successor_id"), rs.getLong("children"),
				new ArrayList<>(), rs.getString("agency_code"));
	}

	private static int depth(String path) {
		return (int) path.chars().filter((c) -> c == '/').count() - 1;
	}

	record UnitNode(long id, String code, String name, String shortName, UnitType type, Long parentId, String path,
			LocalDate validFrom, LocalDate validTo, String successorName, Long successorId, long childCount,
			List<UnitNode> children, String agencyCode) {

		public boolean closed() {
			return this.validTo != null;
		}

		/** Children exist below the levels the page shows. */
		public boolean hasHiddenChildren() {
			return this.childCount > 0 && this.children.isEmpty();
		}

	}

	record TypeCount(UnitType type, long units) {
	}

	record Crumb(long id, String name) {
	}

}
