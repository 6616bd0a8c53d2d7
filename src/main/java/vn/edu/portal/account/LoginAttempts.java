package vn.edu.portal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;

/**
 * What a login attempt changes: the failure count and lock of the account, and the audit
 * trail (account, time, address and browser of every success, failure, lockout and
 * logout).
 */
@Service
class LoginAttempts {

	static final String LOGIN_SUCCESS = "LOGIN_SUCCESS";

	static final String LOGIN_FAILURE = "LOGIN_FAILURE";

	static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

	static final String LOGOUT = "LOGOUT";

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final LoginProperties policy;

	private final Clock clock;

	LoginAttempts(AccountRepository accounts, AuditLog audit, LoginProperties policy, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.policy = policy;
		this.clock = clock;
	}

	@Transactional
	public void succeeded(CurrentUser user) {
		this.accounts.lockById(user.id()).ifPresent((account) -> account.recordSuccessfulLogin(this.clock.instant()));
		this.audit.recordFor(user.username(), user.unitId(), LOGIN_SUCCESS, Map.of());
	}

	@Transactional
	public void failed(String typedUsername, AuthenticationException cause) {
		Instant now = this.clock.instant();
		String username = (typedUsername != null) ? Account.normaliseUsername(typedUsername) : "";
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", reason(cause));
		Account account = this.accounts.lockByUsername(username).orElse(null);
		this.audit.recordFor(username, (account != null) ? account.getUnitId() : null, LOGIN_FAILURE, details);
		if (account != null && cause instanceof BadCredentialsException
				&& account.recordFailedLogin(now, this.policy)) {
			this.audit.recordFor(username, account.getUnitId(), ACCOUNT_LOCKED,
					Map.of("lockedUntil", account.getLockedUntil().toString()));
		}
	}

	@Transactional
	public void loggedOut(CurrentUser user) {
		this.audit.recordFor(user.username(), user.unitId(), LOGOUT, Map.of());
	}

	private static String reason(AuthenticationException cause) {
		if (cause instanceof LockedException) {
			return "locked";
		}
		if (cause instanceof DisabledException) {
			return "disabled";
		}
		if (cause instanceof LoginThrottledException) {
			return "throttled";
		}
		return "bad-credentials";
	}

}
