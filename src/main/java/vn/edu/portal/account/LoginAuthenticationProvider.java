package vn.edu.portal.account;

import java.time.Clock;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import vn.edu.portal.audit.AuditLog;

/**
 * Checks a username and password, after refusing addresses that failed too often on any
 * accounts. The session keeps the signed-in user without the password hash.
 */
@Component
class LoginAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final AuditLog audit;

	private final LoginProperties policy;

	private final Clock clock;

	LoginAuthenticationProvider(AccountUserDetailsService userDetails, PasswordEncoder encoder, AuditLog audit,
			LoginProperties policy, Clock clock) {
		this.passwords = new DaoAuthenticationProvider(userDetails);
		this.passwords.setPasswordEncoder(encoder);
		// Locked and disabled accounts are refused only after the password check, so that
		// the
		// answer takes as long as for any other account and tells nothing.
		this.passwords.setPreAuthenticationChecks((user) -> {
		});
		this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		this.audit = audit;
		this.policy = policy;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null && this.audit.countAccountsFailedFrom(details.getRemoteAddress(),
						this.clock.instant().minus(this.policy.ipWindow())) >= this.policy.ipFailureLimit()) {
			throw new LoginThrottledException();
		}
		Authentication result = this.passwords.authenticate(authentication);
		CurrentUser user = ((CurrentUser) result.getPrincipal()).withoutPassword();
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		token.setDetails(result.getDetails());
		return token;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
