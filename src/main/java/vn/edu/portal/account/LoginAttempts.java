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

	static final String SECOND_FACTOR_SUCCESS = "SECOND_FACTOR_SUCCESS";

	static final String SECOND_FACTOR_FAILURE = "SECOND_FACTOR_FAILURE";

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final KnownDevices devices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecondFactor secondFactor;

	private final MfaProperties mfa;

	LoginAttempts(AccountRepository accounts, AuditLog audit, KnownDevices devices, ApplicationEventPublisher events,
			Clock clock, SecondFactor secondFactor, MfaProperties mfa) {
		this.secondFactor = secondFactor;
		this.mfa = mfa;
		this.accounts = accounts;
		this.audit = audit;
		this.devices = devices;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A right password. Where a second factor is due, the session waits for it (or, for a
	 * role that requires one not yet enrolled, for the enrolment); the browser is
	 * remembered only once the sign-in is complete.
	 */
	@Transactional
	public void succeeded(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		Instant now = this.clock.instant();
		this.accounts.lockById(user.id()).ifPresent((account) -> account.recordSuccessfulLogin(now));
		Map<String, Object> details = new LinkedHashMap<>();
		if (this.secondFactor.enrolled(user.id())) {
			request.getSession().setAttribute(SecondFactorFilter.STATE, SecondFactorFilter.VERIFY);
			details.put("secondFactor", "due");
		}
		else {
			if (this.mfa.requiredFor(user)) {
				request.getSession().setAttribute(SecondFactorFilter.STATE, SecondFactorFilter.ENROL);
				details.put("secondFactor", "enrolment");
			}
			if (signedIn(user, request, response, now)) {
				details.put("newDevice", true);
			}
		}
		this.audit.recordFor(user.username(), user.unitId(), LOGIN_SUCCESS, details);
	}

	/**
	 * A sign-in with a passkey: the passkey is possession and (through the
	 * authenticator's user verification) knowledge at once, so no second factor is due.
	 */
	@Transactional
	public void signedInWithPasskey(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		Instant now = this.clock.instant();
		this.accounts.lockById(user.id()).ifPresent((account) -> account.recordSuccessfulLogin(now));
		request.getSession().removeAttribute(SecondFactorFilter.STATE);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("method", "passkey");
		if (signedIn(user, request, response, now)) {
			details.put("newDevice", true);
		}
		this.audit.recordFor(user.username(), user.unitId(), LOGIN_SUCCESS, details);
	}

	/** The second factor was given: the sign-in is complete, under a new session id. */
	@Transactional
	public void secondFactorPassed(CurrentUser user, String method, HttpServletRequest request,
			HttpServletResponse response) {
		request.getSession().removeAttribute(SecondFactorFilter.STATE);
		request.changeSessionId();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("method", method);
		if (signedIn(user, request, response, this.clock.instant())) {
			details.put("newDevice", true);
		}
		this.audit.record(SECOND_FACTOR_SUCCESS, "ACCOUNT", user.id(), details);
	}

	@Transactional
	public void secondFactorFailed(CurrentUser user, String reason) {
		this.audit.record(SECOND_FACTOR_FAILURE, "ACCOUNT", user.id(), Map.of("reason", reason));
	}

	private boolean signedIn(CurrentUser user, HttpServletRequest request, HttpServletResponse response, Instant now) {
		boolean newDevice = this.devices.remember(user.id(), request, response, now);
		if (newDevice) {
			this.events.publishEvent(new NewDeviceSignedIn(user.id(), now, request.getRemoteAddr(),
					SessionDevices.browserOf(KnownDevices.userAgent(request))));
		}
		request.getSession()
			.setAttribute(SessionDevice.ATTRIBUTE,
					new SessionDevice(request.getRemoteAddr(), KnownDevices.userAgent(request), now));
		return newDevice;
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
		if (cause instanceof PasswordsOffException) {
			return "passwords-off";
		}
		return "bad-credentials";
	}

}
