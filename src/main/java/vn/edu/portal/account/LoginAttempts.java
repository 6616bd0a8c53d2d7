package vn.edu.portal.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

import vn.edu.portal.audit.AuditLog;

/**
 * What a login attempt changes: the account's last login, the browsers and addresses it
 * is known on, the session's record of where it signed in from, and the audit trail
 * (account, time, address and browser of every success, failure and logout).
 */
@Service
class LoginAttempts {

	static final String LOGIN_SUCCESS = "LOGIN_SUCCESS";

	static final String LOGIN_FAILURE = "LOGIN_FAILURE";

	static final String LOGOUT = "LOGOUT";

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final KnownDevices devices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LoginAttempts(AccountRepository accounts, AuditLog audit, KnownDevices devices, ApplicationEventPublisher events,
			Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.devices = devices;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void succeeded(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		Instant now = this.clock.instant();
		this.accounts.lockById(user.id()).ifPresent((account) -> account.recordSuccessfulLogin(now));
		Map<String, Object> details = new LinkedHashMap<>();
		if (this.devices.remember(user.id(), request, response, now)) {
			details.put("newDevice", true);
			this.events.publishEvent(new NewDeviceSignedIn(user.id(), now, request.getRemoteAddr(),
					SessionDevices.browserOf(KnownDevices.userAgent(request))));
		}
		request.getSession()
			.setAttribute(SessionDevice.ATTRIBUTE,
					new SessionDevice(request.getRemoteAddr(), KnownDevices.userAgent(request), now));
		this.audit.recordFor(user.username(), user.unitId(), LOGIN_SUCCESS, details);
	}

	@Transactional
	public void failed(String typedUsername, AuthenticationException cause) {
		String username = (typedUsername != null) ? Account.normaliseUsername(typedUsername) : "";
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", reason(cause));
		if (cause instanceof LoginThrottledException throttled) {
			details.put("limit", throttled.limit().name());
			details.put("retryAt", throttled.retryAt().toString());
		}
		Long unitId = this.accounts.findByUsername(username).map(Account::getUnitId).orElse(null);
		this.audit.recordFor(username, unitId, LOGIN_FAILURE, details);
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
