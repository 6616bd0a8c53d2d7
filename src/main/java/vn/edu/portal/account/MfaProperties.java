package vn.edu.portal.account;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The second factor.
 *
 * @param requiredRoles the roles that must sign in with a second factor (environment
 * {@code PORTAL_MFA_REQUIRED_ROLES}, comma-separated; empty for none): with a password
 * alone they reach only the enrolment page
 * @param issuer the name authenticator apps show beside the account
 */
@ConfigurationProperties("portal.mfa")
@Validated
record MfaProperties(@DefaultValue("DEPARTMENT_LEADER,SYSTEM_ADMIN") @NotNull Set<Role> requiredRoles,
		@DefaultValue("Cổng chỉ đạo") @NotBlank String issuer) {

	boolean requiredFor(CurrentUser user) {
		return user.roles().stream().anyMatch(this.requiredRoles::contains);
	}

}
