package vn.edu.portal.account;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import vn.edu.portal.audit.AuditLog;

/**
 * A sign-on through the provider: the identity is matched to a portal account by its link
 * claim (never creating one), and the session then holds that account with the portal's
 * own roles and unit, as after a password; the provider's ID token is kept for the logout
 * at the provider.
 */
@Component
class OidcSignOn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String UNLINKED = "unlinked_identity";

	/** The session attribute with the identity that matched no account. */
	static final String UNLINKED_IDENTITY = OidcSignOn.class.getName() + ".UNLINKED";

	private final OidcUserService users = new OidcUserService();

	private final OidcProperties oidc;

	private final IdentityLinks links;

	private final AccountUserDetailsService accounts;

	private final AuthenticationSuccessHandler loginSuccessHandler;

	private final AuditLog audit;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	OidcSignOn(OidcProperties oidc, IdentityLinks links, AccountUserDetailsService accounts,
			AuthenticationSuccessHandler loginSuccessHandler, AuditLog audit, Clock clock) {
		this.oidc = oidc;
		this.links = links;
		this.accounts = accounts;
		this.loginSuccessHandler = loginSuccessHandler;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser identity = this.users.loadUser(request);
		String claim = identity.getClaimAsString(this.oidc.linkClaim());
		String issuer = identity.getIssuer().toString();
		String username = this.links.accountOf(issuer, identity.getSubject(), claim)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(UNLINKED),
					(claim != null) ? claim : identity.getSubject()));
		return new LinkedIdentity(identity, username);
	}

	void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		LinkedIdentity identity = (LinkedIdentity) authentication.getPrincipal();
		CurrentUser user = this.accounts.loadUserByUsername(identity.username()).withoutPassword();
		if (!user.isEnabled()) {
			SecurityContextHolder.clearContext();
			request.getSession().invalidate();
			this.audit.recordFor(user.username(), user.unitId(), LoginAttempts.LOGIN_FAILURE,
					Map.of("reason", "disabled", "method", "oidc"));
			response.sendRedirect(request.getContextPath() + "/login?error");
			return;
		}
		String issuer = identity.getIssuer().toString();
		if (this.links.signedOn(user.id(), issuer, identity.getSubject(), this.clock.instant())) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("issuer", issuer);
			details.put("subject", identity.getSubject());
			details.put("claim", this.oidc.linkClaim());
			this.audit.recordFor(user.username(), user.unitId(), "IDENTITY_LINKED", details);
		}
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		token.setDetails(new SignedOnWith(identity.getIdToken().getTokenValue()));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(token);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.loginSuccessHandler.onAuthenticationSuccess(request, response, token);
	}

	void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof OAuth2AuthenticationException oauth
				&& UNLINKED.equals(oauth.getError().getErrorCode())) {
			String identity = oauth.getMessage();
			request.getSession().setAttribute(UNLINKED_IDENTITY, identity);
			this.audit.recordFor(identity, null, LoginAttempts.LOGIN_FAILURE,
					Map.of("reason", "unlinked-identity", "method", "oidc"));
			response.sendRedirect(request.getContextPath() + "/login/unlinked");
			return;
		}
		this.audit.recordFor(null, null, LoginAttempts.LOGIN_FAILURE,
				Map.of("reason", "provider-error", "method", "oidc"));
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	/**
	 * The provider's identity and the portal account it is linked to.
	 */
	static final class LinkedIdentity extends DefaultOidcUser {

		private final String username;

		LinkedIdentity(OidcUser identity, String username) {
			super(identity.getAuthorities(), identity.getIdToken(), identity.getUserInfo());
			this.username = username;
		}

		String username() {
			return this.username;
		}

		@Override
		public boolean equals(Object other) {
			return super.equals(other) && other instanceof LinkedIdentity linked
					&& this.username.equals(linked.username);
		}

		@Override
		public int hashCode() {
			return super.hashCode() * 31 + this.username.hashCode();
		}

	}

	/**
	 * How a session signed in: through the provider, with this ID token (the hint of the
	 * logout at the provider).
	 *
	 * @param idToken the provider's ID token
	 */
	record SignedOnWith(String idToken) implements Serializable {
	}

}
