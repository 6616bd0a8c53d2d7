package vn.edu.portal.account;

import org.springframework.security.core.AuthenticationException;

/**
 * A right password of an account that must sign in through the provider (local passwords
 * are off for accounts with a linked identity).
 */
class PasswordsOffException extends AuthenticationException {

	PasswordsOffException() {
		super("this account signs in through the identity provider");
	}

}
