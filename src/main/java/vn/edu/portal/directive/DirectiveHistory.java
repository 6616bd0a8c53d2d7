package vn.edu.portal.directive;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.account.CurrentUser;

/** The lifecycle steps of each directive, as its detail page lists them. */
@Component
class DirectiveHistory {

	private final JdbcClient jdbc;

	DirectiveHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(long directiveId, Step step, CurrentUser actor, Instant at, String comment) {
		this.jdbc.sql("""
				insert into directive_history (directive_id, action, actor_id, actor_name, occurred_at, comment)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(directiveId, step.name(), (actor != null) ? actor.id() : null,
					(actor != null) ? actor.fullName() : null, Timestamp.from(at), comment)
			.update();
	}

	List<Entry> of(long directiveId) {
		return this.jdbc.sql("""
				select action, actor_name, occurred_at, comment from directive_history
				where directive_id = ? order by occurred_at, id
				""")
			.param(directiveId)
			.query((rs, i) -> new Entry(Step.valueOf(rs.getString("action")), rs.getString("actor_name"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("comment")))
			.list();
	}

	/**
	 * The steps that recipients see: what was issued, amended and recalled. The drafting
	 * (edits, returns with the leader's comments, files changed on a draft) stays with
	 * the issuer's staff.
	 */
	static final Set<Step> ISSUED = EnumSet.of(Step.PUBLISHED, Step.AMENDED, Step.RECALLED);

	enum Step {

		CREATED, EDITED, SUBMITTED, RETURNED, PUBLISHED, AMENDED, RECALLED, ATTACHED, DETACHED

	}

	/**
	 * A step of the history.
	 *
	 * @param step what happened
	 * @param actorName who did it
	 * @param at when
	 * @param comment the comment, reason or change note
	 */
	record Entry(Step step, String actorName, Instant at, String comment) {
	}

}
