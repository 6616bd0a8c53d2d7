package vn.edu.portal.account;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from one address: it must wait before trying again. */
class LoginThrottledException extends AuthenticationException {

	LoginThrottledException() {
		super("too many failed logins from this address");
	}

}
