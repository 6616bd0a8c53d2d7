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

	/**
	 * Adds a comment, unless its author wrote the same words on the incident within the
	 * last minute: a double tap sends a comment several times at once. The incident's row
	 * is locked first, so that taps arriving together are counted one after the other.
	 * @return whether the comment was added
	 */
	boolean add(long incidentId, long authorId, String body, boolean shared, Instant at) {
		this.jdbc.sql("select id from incident where id = ? for update").param(incidentId).query(Long.class).list();
		return this.jdbc.sql("""
				insert into incident_comment (incident_id, author_id, written_at, body, shared)
				select :incident, :author, :at, :body, :shared
				where not exists (select 1 from incident_comment c
				                  where c.incident_id = :incident and c.author_id = :author and c.body = :body
				                    and c.written_at > cast(:at as timestamptz) - interval '1 minute')
				""")
			.param("incident", incidentId)
			.param("author", authorId)
			.param("at", Timestamp.from(at))
			.param("body", body.strip())
			.param("shared", shared)
			.update() == 1;
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
