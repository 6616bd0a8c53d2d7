package vn.edu.portal.api;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

import vn.edu.portal.account.CurrentUser;

/**
 * Who calls the API with a personal access token: its owner, with the token's scopes as
 * authorities (never the owner's roles: a token does only what its scopes say).
 */
record ApiPrincipal(long tokenId, CurrentUser user, Set<ApiScope> scopes) implements OAuth2AuthenticatedPrincipal {

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of("sub", this.user.username(), "token", this.tokenId);
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
