package vn.edu.portal.account;

import java.time.Clock;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password once the login protections admit the check. The session
 * keeps the signed-in user without the password hash.
 */
@Component
class LoginAuthenticationProvider implements AuthenticationProvider {

	private static final int MAX_USERNAME = 64;

	private static final int MAX_ADDRESS = 45;

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final Clock clock;

	private final OidcProperties oidc;

	private final IdentityLinks links;

	LoginAuthenticationProvider(AccountUserDetailsService userDetails, PasswordEncoder encoder, LoginThrottle throttle,
			Clock clock, OidcProperties oidc, IdentityLinks links) {
		this.oidc = oidc;
		this.links = links;
		this.passwords = new DaoAuthenticationProvider(userDetails);
		this.passwords.setPasswordEncoder(encoder);
		// Disabled accounts are refused only after the password check, so that the answer
		// takes as long as for any other account and tells nothing.
		this.passwords.setPreAuthenticationChecks((user) -> {
		});
		this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		this.throttle = throttle;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = truncate(Account.normaliseUsername(String.valueOf(authentication.getName())), MAX_USERNAME);
		String address = null;
		String deviceHash = null;
		if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
			address = details.getRemoteAddress();
		}
		if (authentication.getDetails() instanceof LoginDetails details) {
			deviceHash = details.deviceHash();
		}
		LoginThrottle.Admission admission = this.throttle.admit(username,
				(address != null) ? truncate(address, MAX_ADDRESS) : "", deviceHash, this.clock.instant());
		Authentication result = this.passwords.authenticate(authentication);
		this.throttle.succeeded(admission);
		if (!this.oidc.passwordsForLinkedAccounts() && this.links.hasIdentity(username)) {
			throw new PasswordsOffException();
		}
		CurrentUser user = ((CurrentUser) result.getPrincipal()).withoutPassword();
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		if (result.getDetails() instanceof WebAuthenticationDetails details) {
			token.setDetails(new WebAuthenticationDetails(details.getRemoteAddress(), details.getSessionId()));
		}
		return token;
	}

	private static String truncate(String value, int max) {
		return (value.length() <= max) ? value : value.substring(0, max);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
