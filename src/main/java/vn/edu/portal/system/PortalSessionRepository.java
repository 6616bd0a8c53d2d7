package vn.edu.portal.system;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The sessions in PostgreSQL at the cost of one statement for most requests.
 * <p>
 * Spring Session JDBC's repository, underneath, reads a session with one statement and no
 * transaction of its own: a read is one SELECT (sessions and attributes joined), and an
 * expired session is deleted by one DELETE. What it writes (a new session, changed
 * attributes) runs in one transaction here, so that a session never lands half-written.
 * <p>
 * A request only moves the session's last access time forward when the stored one is
 * {@link #LAST_ACCESS_WRITE_INTERVAL} or more old. The plain repository wrote it, with
 * its own commit, on every request; now an unchanged session costs no write on most
 * requests. The idle timeout stays exact to that interval: a session expires between 29
 * and 30 minutes after its last request, never later. Ending sessions (sign out, sign out
 * everywhere) deletes them at once, as before.
 */
public class PortalSessionRepository
		implements FindByIndexNameSessionRepository<PortalSessionRepository.PortalSession> {

	/** How stale the stored last access time may get before a request writes it. */
	public static final Duration LAST_ACCESS_WRITE_INTERVAL = Duration.ofMinutes(1);

	private final JdbcIndexedSessionRepository store;

	private final FindByIndexNameSessionRepository<Session> jdbc;

	private final TransactionOperations writes;

	/**
	 * The session this thread saved last, handed back when the request asks for it again
	 * right after saving it (Spring Session's filter does, to decide whether to set the
	 * cookie) instead of reading it back from the database.
	 */
	private final ThreadLocal<PortalSession> justSaved = new ThreadLocal<>();

	@SuppressWarnings("unchecked")
	PortalSessionRepository(JdbcIndexedSessionRepository jdbc, TransactionOperations writes) {
		this.store = jdbc;
		this.jdbc = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) jdbc;
		this.writes = writes;
	}

	@Override
	public PortalSession createSession() {
		PortalSession session = new PortalSession(this.jdbc.createSession());
		session.changed = true;
		return session;
	}

	/**
	 * Writes a new or changed session in one transaction; a session the request did not
	 * change costs nothing, not even an empty transaction.
	 */
	@Override
	public void save(PortalSession session) {
		if (session.changed) {
			this.writes.executeWithoutResult((status) -> this.jdbc.save(session.delegate));
			session.changed = false;
		}
		this.justSaved.set(session);
	}

	@Override
	public PortalSession findById(String id) {
		PortalSession saved = this.justSaved.get();
		this.justSaved.remove();
		if (saved != null && saved.getId().equals(id)) {
			return saved;
		}
		Session found = this.jdbc.findById(id);
		return (found != null) ? new PortalSession(found) : null;
	}

	@Override
	public void deleteById(String id) {
		this.justSaved.remove();
		this.jdbc.deleteById(id);
	}

	@Override
	public Map<String, PortalSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, PortalSession> sessions = new LinkedHashMap<>();
		this.jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new PortalSession(session)));
		return sessions;
	}

	/** Deletes the sessions that expired, every minute, on whichever instance runs it. */
	@Scheduled(cron = "0 * * * * *")
	void deleteExpired() {
		this.store.cleanUpExpiredSessions();
	}

	/** Forgets what this thread saved; called when a request ends. */
	void endOfRequest() {
		this.justSaved.remove();
	}

	/**
	 * A stored session whose last access time moves only when the stored one is stale
	 * enough to matter.
	 */
	public static final class PortalSession implements Session {

		private final Session delegate;

		/** Whether the session is new or was changed since it was read or saved. */
		private boolean changed;

		PortalSession(Session delegate) {
			this.delegate = delegate;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			Duration sinceStored = Duration.between(this.delegate.getLastAccessedTime(), lastAccessedTime);
			if (sinceStored.compareTo(LAST_ACCESS_WRITE_INTERVAL) >= 0) {
				this.delegate.setLastAccessedTime(lastAccessedTime);
				this.changed = true;
			}
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}

	}

}
