package vn.edu.portal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.system.Formats;

/** Reads the audit trail: one set-based query per page, newest first. */
@Component
class AuditQueries {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final Formats formats;

	AuditQueries(JdbcClient jdbc, Formats formats) {
		this.jdbc = jdbc;
		this.formats = formats;
	}

	/**
	 * A page of events, plus one row beyond it to tell whether a next page exists.
	 * @param search what the reader asked for
	 * @param readerUnitId the reader's unit: only the events of accounts of its
	 * Department (or of its own subtree, outside any Department) are read; {@code null}
	 * for an administrator of the whole installation, who also reads the events of no
	 * account
	 */
	List<AuditRow> search(AuditSearch search, Long readerUnitId) {
		StringBuilder sql = new StringBuilder("""
				select id, occurred_at, actor, action, object_type, object_id, details::text as details, ip, user_agent
				from audit_event where true
				""");
		if (readerUnitId != null) {
			sql.append(
					"""
							 and actor_unit_id in (
							   select su.id from unit su where su.path like (
							     select coalesce((select d.path from unit u
							                      join unit d on d.id = any(string_to_array(trim(both '/' from u.path), '/')::bigint[])
							                      where u.id = :reader and d.type = 'DEPARTMENT'
							                      order by length(d.path) desc limit 1),
							                     (select r.path from unit r where r.id = :reader))) || '%')
							""");
		}
		JdbcClient.StatementSpec spec;
		if (search.hasAccount()) {
			sql.append(" and lower(actor) like :account");
		}
		if (search.hasAction()) {
			sql.append(" and action = :action");
		}
		if (search.from() != null) {
			sql.append(" and occurred_at >= :from");
		}
		if (search.to() != null) {
			sql.append(" and occurred_at < :to");
		}
		sql.append(" order by occurred_at desc, id desc limit :limit offset :offset");
		spec = this.jdbc.sql(sql.toString());
		if (readerUnitId != null) {
			spec = spec.param("reader", readerUnitId);
		}
		if (search.hasAccount()) {
			spec = spec.param("account", "%" + escapeLike(search.account().strip().toLowerCase()) + "%");
		}
		if (search.hasAction()) {
			spec = spec.param("action", search.action());
		}
		if (search.from() != null) {
			spec = spec.param("from", Timestamp.from(this.formats.startOf(search.from())));
		}
		if (search.to() != null) {
			spec = spec.param("to", Timestamp.from(this.formats.startOf(search.to().plusDays(1))));
		}
		return spec.param("limit", PAGE_SIZE + 1)
			.param("offset", search.pageNumber() * PAGE_SIZE)
			.query((rs, i) -> new AuditRow(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("object_type"),
					rs.getString("object_id"), rs.getString("details"), rs.getString("ip"), rs.getString("user_agent")))
			.list();
	}

	List<String> actions() {
		// A loose index scan: one index probe per distinct action, however long the
		// trail.
		return this.jdbc.sql("""
				with recursive actions(action) as (
				    select min(action) from audit_event
				    union all
				    select (select min(e.action) from audit_event e where e.action > actions.action)
				    from actions where actions.action is not null
				)
				select action from actions where action is not null order by action
				""").query(String.class).list();
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	record AuditRow(long id, Instant occurredAt, String actor, String action, String objectType, String objectId,
			String details, String ip, String userAgent) {
	}

}
