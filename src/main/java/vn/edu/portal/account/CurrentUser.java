package vn.edu.portal.account;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import vn.edu.portal.audit.AuditActor;

/**
 * The signed-in account, as kept in the session.
 *
 * @param id the account id
 * @param username the login name
 * @param password the password hash, kept only during authentication
 * @param fullName the person's name
 * @param unitId the account's unit, or {@code null} for a system administrator without
 * one
 * @param roles the account's roles
 * @param mustChangePassword whether the next page must be the password change
 * @param enabled whether the account may log in
 * @param locked whether the account is locked now
 * @param language the account's language, "vi" or "en"
 */
public record CurrentUser(long id, String username, String password, String fullName, Long unitId, Set<Role> roles,
		boolean mustChangePassword, boolean enabled, boolean locked,
		String language) implements UserDetails, AuditActor {

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	CurrentUser withPasswordChanged() {
		return new CurrentUser(this.id, this.username, null, this.fullName, this.unitId, this.roles, false,
				this.enabled, this.locked, this.language);
	}

	CurrentUser withoutPassword() {
		return new CurrentUser(this.id, this.username, null, this.fullName, this.unitId, this.roles,
				this.mustChangePassword, this.enabled, this.locked, this.language);
	}

	CurrentUser withLanguage(String newLanguage) {
		return new CurrentUser(this.id, this.username, null, this.fullName, this.unitId, this.roles,
				this.mustChangePassword, this.enabled, this.locked, newLanguage);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> authorities = this.roles.stream()
			.map((role) -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

}
