package vn.edu.portal.api;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

import vn.edu.portal.account.CurrentUser;

/**
 * Who calls the API: the account a personal access token belongs to, or the account of a
 * machine client of the province's identity provider, with the scopes granted as
 * authorities (never the account's roles: a caller does only what its scopes say).
 *
 * @param caller the key of its rate limit: {@code token:<id>} or {@code client:<id>}
 * @param user the account acted for
 * @param scopes the scopes granted, within the account's permissions today
 */
record ApiPrincipal(String caller, CurrentUser user, Set<ApiScope> scopes) implements OAuth2AuthenticatedPrincipal {

	static ApiPrincipal ofToken(long tokenId, CurrentUser user, Set<ApiScope> scopes) {
		return new ApiPrincipal("token:" + tokenId, user, scopes);
	}

	static ApiPrincipal ofClient(String clientId, CurrentUser user, Set<ApiScope> scopes) {
		return new ApiPrincipal("client:" + clientId, user, scopes);
	}

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of("sub", this.user.username(), "caller", this.caller);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.scopes.stream().map((scope) -> new SimpleGrantedAuthority(scope.authority())).toList();
	}

	@Override
	public String getName() {
		return this.user.username();
	}

}
