package vn.edu.portal.account;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords: this client must wait before its password is checked. */
class LoginThrottledException extends AuthenticationException {

	private final Limit limit;

	private final Instant retryAt;

	LoginThrottledException(Limit limit, Instant retryAt) {
		super("too many failed logins: " + limit);
		this.limit = limit;
		this.retryAt = retryAt;
	}

	Limit limit() {
		return this.limit;
	}

	Instant retryAt() {
		return this.retryAt;
	}

	/** The limit that was reached. */
	enum Limit {

		/** One client for one account. */
		CLIENT,

		/** One account, from clients it never signed in from. */
		ACCOUNT,

		/** One address, for any accounts. */
		ADDRESS

	}

}
