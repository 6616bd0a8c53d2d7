package vn.edu.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What tables hold, each as its count of rows and a digest of them, to tell whether
 * anything changed between two moments. A table may be limited to some of its rows.
 * Binary columns count by their length.
 */
final class DatabaseSnapshot {

	private final JdbcClient jdbc;

	private final String query;

	/**
	 * A snapshot of the given tables.
	 * @param tables each table's condition on its rows ({@code true} for all of them)
	 */
	DatabaseSnapshot(JdbcClient jdbc, Map<String, String> tables) {
		this.jdbc = jdbc;
		Map<String, List<String>> columns = new TreeMap<>();
		jdbc.sql("""
				select table_name, column_name, data_type from information_schema.columns
				where table_schema = current_schema() order by table_name, ordinal_position
				""").query((rs) -> {
			String column = rs.getString("column_name");
			columns.computeIfAbsent(rs.getString("table_name"), (name) -> new ArrayList<>())
				.add(rs.getString("data_type").equals("bytea") ? "length(t." + column + ")" : "t." + column);
		});
		this.query = tables.entrySet().stream().map((table) -> {
			List<String> row = columns.get(table.getKey());
			if (row == null) {
				throw new IllegalArgumentException("no table " + table.getKey());
			}
			return "select '" + table.getKey() + "' as part, count(*) || ' rows ' || coalesce(md5(string_agg(r, "
					+ "E'\\n' order by r)), '') as digest from (select row(" + String.join(", ", row)
					+ ")::text as r from " + table.getKey() + " t where " + table.getValue() + ") s";
		}).collect(Collectors.joining("\nunion all\n"));
	}

	/** Every table of the schema but those left out, each with all its rows. */
	static Map<String, String> allTablesBut(JdbcClient jdbc, Set<String> leftOut) {
		Map<String, String> tables = new TreeMap<>();
		jdbc.sql(
				"select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")
			.query(String.class)
			.list()
			.stream()
			.filter((table) -> !leftOut.contains(table))
			.forEach((table) -> tables.put(table, "true"));
		return tables;
	}

	/** Each table's count of rows and digest, now. */
	Map<String, String> take() {
		Map<String, String> digests = new LinkedHashMap<>();
		this.jdbc.sql(this.query).query((rs) -> {
			digests.put(rs.getString("part"), rs.getString("digest"));
		});
		return digests;
	}

	/** The tables that differ between two snapshots, with their counts of rows. */
	static List<String> changes(Map<String, String> before, Map<String, String> after) {
		List<String> changed = new ArrayList<>();
		before.forEach((table, digest) -> {
			if (!digest.equals(after.get(table))) {
				changed.add(table + " (" + digest.replaceAll(" rows .*", "") + " rows, then "
						+ after.get(table).replaceAll(" rows .*", "") + ")");
			}
		});
		return changed;
	}

}
