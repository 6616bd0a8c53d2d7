package vn.edu.portal.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of an account, in every application instance (they live in
 * PostgreSQL). Ended when what they were granted no longer holds: a password changed or
 * reset, an account disabled, its roles or unit changed.
 */
@Component
class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	void endAll(String username) {
		endAllExcept(username, null);
	}

	void endAllExcept(String username, String keptSessionId) {
		this.sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter((id) -> !id.equals(keptSessionId))
			.forEach(this.sessions::deleteById);
	}

}
