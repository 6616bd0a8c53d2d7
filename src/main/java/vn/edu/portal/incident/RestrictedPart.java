package vn.edu.portal.incident;

import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.audit.AuditLog;

/**
 * The names of the people involved in an incident, kept apart (table
 * {@code incident_names}) so that no list or export can read them. Every read for a
 * person is written to the audit trail.
 */
@Component
class RestrictedPart {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	RestrictedPart(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The names, read by someone the caller has checked may read them; audited. */
	Optional<String> read(long incidentId, String where) {
		Optional<String> names = this.jdbc.sql("select names from incident_names where incident_id = ?")
			.param(incidentId)
			.query(String.class)
			.optional();
		this.audit.record("INCIDENT_RESTRICTED_VIEWED", "INCIDENT", incidentId,
				Map.of("where", where, "names", names.isPresent()));
		return names;
	}

	boolean exists(long incidentId) {
		return this.jdbc.sql("select exists (select 1 from incident_names where incident_id = ?)")
			.param(incidentId)
			.query(Boolean.class)
			.single();
	}

	/** Writes the names; blank ones remove them. */
	void write(long incidentId, String names, long by) {
		if (names == null || names.isBlank()) {
			this.jdbc.sql("delete from incident_names where incident_id = ?").param(incidentId).update();
			return;
		}
		this.jdbc.sql("""
				insert into incident_names (incident_id, names, updated_at, updated_by) values (?, ?, now(), ?)
				on conflict (incident_id) do update set names = excluded.names, updated_at = now(),
				                                        updated_by = excluded.updated_by
				""").params(incidentId, names.strip(), by).update();
	}

	void erase(long incidentId) {
		this.jdbc.sql("delete from incident_names where incident_id = ?").param(incidentId).update();
	}

}
