package vn.edu.portal.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.edu.portal.organisation.UnitType;

/**
 * What the unit picker sends: a list of tokens, each a single unit ({@code UNIT:12}), all
 * units of a type ({@code TYPE:PRIMARY}) or a whole subtree ({@code SUBTREE:5}).
 * Resolved, set-based, to the open units they mean today, never beyond the account's
 * scope.
 */
@Service
public class UnitSelection {

	private final JdbcClient jdbc;

	private final ScopePolicy scope;

	UnitSelection(JdbcClient jdbc, ScopePolicy scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	/**
	 * The ids of the open units the tokens select, within the account's scope; unknown
	 * tokens select nothing.
	 */
	public List<Long> resolve(CurrentUser user, List<String> tokens) {
		Parsed parsed = parse(tokens);
		if (parsed.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select u.id from unit u
				where u.valid_to is null and u.path like :scope || '%'
				  and (u.id = any(:units) or u.type = any(:types)
				       or exists (select 1 from unit r where r.id = any(:subtrees) and u.path like r.path || '%'))
				order by u.path
				""")
			.param("scope", this.scope.scopeOf(user).path())
			.param("units", parsed.units().toArray(Long[]::new))
			.param("types", parsed.types().stream().map(Enum::name).toArray(String[]::new))
			.param("subtrees", parsed.subtrees().toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	/**
	 * Labels for tokens already chosen (to show a form again), in the account's scope;
	 * one query.
	 */
	public List<Choice> describe(CurrentUser user, List<String> tokens) {
		Parsed parsed = parse(tokens);
		Set<Long> ids = new LinkedHashSet<>(parsed.units());
		ids.addAll(parsed.subtrees());
		Map<Long, String> names = new HashMap<>();
		this.jdbc.sql("select id, name from unit where id = any(:ids) and path like :scope || '%'")
			.param("ids", ids.toArray(Long[]::new))
			.param("scope", this.scope.scopeOf(user).path())
			.query((rs) -> {
				names.put(rs.getLong("id"), rs.getString("name"));
			});
		List<Choice> choices = new ArrayList<>();
		for (String token : (tokens != null) ? tokens : List.<String>of()) {
			String[] parts = token.strip().split(":", 2);
			if (parts.length != 2) {
				continue;
			}
			Long id = parseId(parts[1]);
			if (parts[0].equals("TYPE") && parsed.types().stream().anyMatch((type) -> type.name().equals(parts[1]))) {
				choices.add(new Choice(token.strip(), null, parts[1]));
			}
			else if ((parts[0].equals("UNIT") || parts[0].equals("SUBTREE")) && names.containsKey(id)) {
				choices.add(new Choice(token.strip(), names.get(id), null));
			}
		}
		return choices;
	}

	private static Parsed parse(List<String> tokens) {
		Set<Long> units = new LinkedHashSet<>();
		Set<UnitType> types = EnumSet.noneOf(UnitType.class);
		Set<Long> subtrees = new LinkedHashSet<>();
		for (String token : (tokens != null) ? tokens : List.<String>of()) {
			String[] parts = token.strip().split(":", 2);
			if (parts.length != 2) {
				continue;
			}
			switch (parts[0]) {
				case "UNIT" -> add(units, parts[1]);
				case "SUBTREE" -> add(subtrees, parts[1]);
				case "TYPE" -> EnumSet.allOf(UnitType.class)
					.stream()
					.filter((type) -> type.name().equals(parts[1]))
					.forEach(types::add);
				default -> {
				}
			}
		}
		return new Parsed(units, types, subtrees);
	}

	private static void add(Set<Long> ids, String value) {
		Long id = parseId(value);
		if (id != null) {
			ids.add(id);
		}
	}

	private static Long parseId(String value) {
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * A choice shown in the picker.
	 *
	 * @param token what the form sends back
	 * @param unitName the unit's name, for a unit or a subtree
	 * @param type the type's name, for all units of a type
	 */
	public record Choice(String token, String unitName, String type) {

		public boolean subtree() {
			return this.token.startsWith("SUBTREE:");
		}

	}

	private record Parsed(Set<Long> units, Set<UnitType> types, Set<Long> subtrees) {

		boolean isEmpty() {
			return this.units.isEmpty() && this.types.isEmpty() && this.subtrees.isEmpty();
		}

	}

}
