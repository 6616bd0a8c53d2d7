package vn.edu.portal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one API every module uses to write the audit trail. Records join the caller's
 * transaction, so an action and its audit record are committed together or not at all.
 */
@Service
public class AuditLog {

	private static final int MAX_USER_AGENT = 500;

	private static final int MAX_ACTOR = 64;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final JdbcTemplate jdbcTemplate;

	AuditLog(JdbcClient jdbc, JsonMapper json, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.json = json;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Records an action of the signed-in account. */
	public void record(String action, String objectType, Object objectId, Map<String, ?> details) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = null;
		Long unitId = null;
		if (authentication != null && authentication.getPrincipal() instanceof AuditActor principal) {
			actor = principal.getUsername();
			unitId = principal.unitId();
		}
		insert(actor, unitId, action, objectType, objectId, details);
	}

	/**
	 * Records one action on many objects of the signed-in account at once (a bulk
	 * import), in batches rather than one statement per object.
	 */
	public void recordAll(String action, String objectType, Map<?, ? extends Map<String, ?>> detailsByObjectId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		AuditActor actor = (authentication != null && authentication.getPrincipal() instanceof AuditActor principal)
				? principal : null;
		HttpServletRequest request = currentRequest();
		List<Object[]> rows = detailsByObjectId.entrySet()
			.stream()
			.map((entry) -> new Object[] { (actor != null) ? truncate(actor.getUsername(), MAX_ACTOR) : null,
					(actor != null) ? actor.unitId() : null, action, objectType, entry.getKey().toString(),
					this.json.writeValueAsString(entry.getValue()), (request != null) ? request.getRemoteAddr() : null,
					(request != null) ? truncate(request.getHeader("User-Agent"), MAX_USER_AGENT) : null })
			.toList();
		this.jdbcTemplate.batchUpdate("""
				insert into audit_event (actor, actor_unit_id, action, object_type, object_id, details, ip, user_agent)
				values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
				""", rows);
	}

	/**
	 * Records an action of a named actor, for when nobody is signed in (a failed login).
	 */
	public void recordFor(String actor, Long actorUnitId, String action, Map<String, ?> details) {
		insert(actor, actorUnitId, action, null, null, details);
	}

	/**
	 * How many distinct accounts got a wrong password from this address since the given
	 * time: the input of login throttling.
	 */
	public int countAccountsFailedFrom(String ip, Instant since) {
		return this.jdbc.sql("""
				select count(distinct actor) from audit_event
				where action = 'LOGIN_FAILURE' and ip = :ip and occurred_at >= :since
				  and details ->> 'reason' = 'bad-credentials'
				""").param("ip", ip).param("since", Timestamp.from(since)).query(Integer.class).single();
	}

	private void insert(String actor, Long unitId, String action, String objectType, Object objectId,
			Map<String, ?> details) {
		HttpServletRequest request = currentRequest();
		this.jdbc.sql("""
				insert into audit_event (actor, actor_unit_id, action, object_type, object_id, details, ip, user_agent)
				values (:actor, :unitId, :action, :objectType, :objectId, cast(:details as jsonb), :ip, :userAgent)
				""")
			.param("actor", truncate(actor, MAX_ACTOR))
			.param("unitId", unitId)
			.param("action", action)
			.param("objectType", objectType)
			.param("objectId", (objectId != null) ? objectId.toString() : null)
			.param("details", (details == null || details.isEmpty()) ? null : this.json.writeValueAsString(details))
			.param("ip", (request != null) ? request.getRemoteAddr() : null)
			.param("userAgent", (request != null) ? truncate(request.getHeader("User-Agent"), MAX_USER_AGENT) : null)
			.update();
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
