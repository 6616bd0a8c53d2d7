package vn.edu.portal.directive;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import vn.edu.portal.account.CurrentUser;

/**
 * Every issued version of a directive, kept as it printed: the one published, then one
 * per amendment. Old versions stay readable however the directive changes later.
 */
@Component
class DirectiveVersions {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DirectiveVersions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Keeps the directive's current version as it prints now. */
	void keep(Directive directive, String changeNote, CurrentUser by, Instant at) {
		PrintedDirective printed = printed(directive);
		this.jdbc.sql("""
				insert into directive_version (directive_id, amendment, change_note, created_at, created_by, printed)
				values (?, ?, ?, ?, ?, cast(? as jsonb))
				""")
			.params(directive.getId(), directive.getAmendment(), changeNote, Timestamp.from(at), by.id(),
					this.json.writeValueAsString(printed))
			.update();
	}

	/** The directive as it prints now, drafts included. */
	PrintedDirective printed(Directive directive) {
		return PrintedDirective.of(directive.content(), directive.getNumber(), directive.getIssuedOn(),
				directive.getAmendment(), recipientNames(directive));
	}

	/** One kept version, as it printed. */
	Optional<PrintedDirective> find(long directiveId, int amendment) {
		return this.jdbc.sql("select printed::text from directive_version where directive_id = ? and amendment = ?")
			.param(directiveId)
			.param(amendment)
			.query(String.class)
			.optional()
			.map((text) -> this.json.readValue(text, PrintedDirective.class));
	}

	List<Version> of(long directiveId) {
		return this.jdbc.sql("""
				select v.amendment, v.change_note, v.created_at, a.full_name
				from directive_version v left join account a on a.id = v.created_by
				where v.directive_id = ? order by v.amendment
				""")
			.param(directiveId)
			.query((rs, i) -> new Version(rs.getInt("amendment"), rs.getString("change_note"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("full_name")))
			.list();
	}

	/**
	 * The "Kính gửi" of a công văn whose drafter typed none: the units and groups chosen
	 * to implement it, as the letter names them.
	 */
	private List<String> recipientNames(Directive directive) {
		List<String> tokens = directive.content().tokens(RecipientRole.IMPLEMENT);
		Long[] ids = tokens.stream()
			.filter((token) -> token.startsWith("UNIT:") || token.startsWith("SUBTREE:"))
			.map((token) -> Long.valueOf(token.substring(token.indexOf(':') + 1)))
			.toArray(Long[]::new);
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		this.jdbc.sql("select id, name from unit where id = any(?)").param(ids).query((rs) -> {
			names.put(rs.getLong("id"), rs.getString("name"));
		});
		List<String> lines = new java.util.ArrayList<>();
		for (String token : tokens) {
			String value = token.substring(token.indexOf(':') + 1);
			if (token.startsWith("TYPE:")) {
				lines.add(Decree30.addresseesOfType(value));
			}
			else if (names.containsKey(Long.valueOf(value))) {
				lines.add(names.get(Long.valueOf(value)));
			}
		}
		return lines;
	}

	/**
	 * A kept version.
	 *
	 * @param amendment 0 as published, then 1, 2...
	 * @param changeNote what changed
	 * @param at when
	 * @param by who
	 */
	record Version(int amendment, String changeNote, Instant at, String by) {
	}

}
