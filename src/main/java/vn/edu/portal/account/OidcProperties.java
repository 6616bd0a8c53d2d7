package vn.edu.portal.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Single sign-on with the province's OpenID provider (environment {@code PORTAL_OIDC_*});
 * off while the issuer is empty.
 *
 * @param issuer the provider's issuer address (its discovery document is read from it)
 * @param clientId the portal's client id at the provider
 * @param clientSecret the portal's client secret
 * @param linkClaim the claim that names the portal account: {@code preferred_username}
 * (the account's username), {@code email} (the account's e-mail address)
 * @param passwordsForLinkedAccounts whether accounts with a linked identity may still
 * sign in with their portal password
 */
@ConfigurationProperties("portal.oidc")
@Validated
record OidcProperties(String issuer, String clientId, String clientSecret,
		@DefaultValue("preferred_username") String linkClaim,
		@DefaultValue("true") boolean passwordsForLinkedAccounts) {

	static final String REGISTRATION = "portal";

	boolean enabled() {
		return this.issuer != null && !this.issuer.isBlank();
	}

}
