package vn.edu.portal.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The unit tree as it is today, for other modules: subtrees (the input of every scope
 * check) and the type-ahead of the unit picker. Subtrees are prefix scans of the
 * materialised path ({@code unit.path}, indexed), so set-based queries of other modules
 * can filter by scope with {@code unit.path like :scopePath || '%'}.
 */
@Service
public class UnitTree {

	private final JdbcClient jdbc;

	UnitTree(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The materialised path of a unit ("/1/5/77/"): every unit in its subtree starts with
	 * it.
	 */
	public Optional<String> pathOf(long unitId) {
		return this.jdbc.sql("select path from unit where id = ?").param(unitId).query(String.class).optional();
	}

	/** Whether a unit lies in the subtree of the given path. */
	public boolean isWithin(long unitId, String scopePath) {
		return this.jdbc.sql("select exists (select 1 from unit where id = ? and path like ? || '%')")
			.param(unitId)
			.param(scopePath)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Open units within a scope whose name or code matches the words typed, folding case
	 * and diacritics ("giong trom" finds "Giồng Trôm", "d" finds "đ").
	 */
	public List<UnitOption> search(String text, String scopePath, int limit) {
		SearchWords words = new SearchWords(text);
		return words.bind(this.jdbc.sql("""
				select u.id, u.code, u.name, u.type, p.name as parent_name,
				       (select count(*) from unit c where c.parent_id = u.id and c.valid_to is null) as children
				from unit u left join unit p on p.id = u.parent_id
				where u.path like :scope || '%' and u.valid_to is null and {words}
				order by length(u.path), u.name collate vietnamese, u.id
				limit :limit
				""".replace("{words}", words.condition())))
			.param("scope", scopePath)
			.param("limit", limit)
			.query((rs, i) -> new UnitOption(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					UnitType.valueOf(rs.getString("type")), rs.getString("parent_name"), rs.getLong("children")))
			.list();
	}

	/**
	 * A unit offered by the picker.
	 *
	 * @param id the unit
	 * @param code its code
	 * @param name its name
	 * @param type its type
	 * @param parentName the name of its parent, or {@code null}
	 * @param children how many open units are directly below it
	 */
	public record UnitOption(long id, String code, String name, UnitType type, String parentName, long children) {
	}

}
