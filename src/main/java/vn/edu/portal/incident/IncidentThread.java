package vn.edu.portal.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The comments on an incident: internal to the Department, or shared with the reporting
 * unit, whose answers to a question are shared comments too.
 */
@Component
class IncidentThread {

	private final JdbcClient jdbc;

	IncidentThread(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long incidentId, long authorId, String body, boolean shared, Instant at) {
		this.jdbc.sql("""
				insert into incident_comment (incident_id, author_id, written_at, body, shared) values (?, ?, ?, ?, ?)
				""").params(incidentId, authorId, Timestamp.from(at), body.strip(), shared).update();
	}

	/** The comments in their order; those internal to the Department only if asked. */
	List<Comment> of(long incidentId, boolean withInternal) {
		return this.jdbc.sql("""
				select c.id, c.written_at, c.body, c.shared, a.full_name, u.short_name, u.name
				from incident_comment c join account a on a.id = c.author_id left join unit u on u.id = a.unit_id
				where c.incident_id = ? and (c.shared or ?)
				order by c.written_at, c.id
				""")
			.params(incidentId, withInternal)
			.query((rs, i) -> new Comment(rs.getLong("id"), rs.getTimestamp("written_at").toInstant(),
					rs.getString("body"), rs.getBoolean("shared"), rs.getString("full_name"),
					(rs.getString("short_name") != null) ? rs.getString("short_name") : rs.getString("name")))
			.list();
	}

	/**
	 * A comment.
	 *
	 * @param id the comment
	 * @param writtenAt when
	 * @param body what it says
	 * @param shared whether the reporting unit sees it
	 * @param author who wrote it
	 * @param authorUnit the author's unit
	 */
	record Comment(long id, Instant writtenAt, String body, boolean shared, String author, String authorUnit) {
	}

}
