package vn.edu.portal.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * Single sign-on (OpenID Connect, authorization code with PKCE) when an issuer is
 * configured: the provider's settings are read from its discovery document at the first
 * sign-on, so that the portal starts while the provider is down.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OidcConfiguration.IssuerConfigured.class)
class OidcConfiguration {

	@Bean
	ClientRegistrationRepository clientRegistrations(OidcProperties oidc) {
		return new DiscoveredRegistration(oidc);
	}

	@Bean
	Customizer<OAuth2LoginConfigurer<HttpSecurity>> oidcLogin(OidcSignOn signOn) {
		return (login) -> login.loginPage("/login")
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(signOn))
			.successHandler(signOn::succeeded)
			.failureHandler(signOn::failed);
	}

	/** The one registration, discovered from the issuer once. */
	static final class DiscoveredRegistration implements ClientRegistrationRepository {

		private final OidcProperties oidc;

		private volatile ClientRegistration registration;

		DiscoveredRegistration(OidcProperties oidc) {
			this.oidc = oidc;
		}

		@Override
		public ClientRegistration findByRegistrationId(String registrationId) {
			if (!OidcProperties.REGISTRATION.equals(registrationId)) {
				return null;
			}
			ClientRegistration found = this.registration;
			if (found == null) {
				found = ClientRegistrations.fromIssuerLocation(this.oidc.issuer())
					.registrationId(OidcProperties.REGISTRATION)
					.clientId(this.oidc.clientId())
					.clientSecret(this.oidc.clientSecret())
					.scope("openid", "profile", "email")
					.build();
				this.registration = found;
			}
			return found;
		}

	}

	/** Whether {@code portal.oidc.issuer} is set to something. */
	static final class IssuerConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String issuer = context.getEnvironment().getProperty("portal.oidc.issuer");
			return issuer != null && !issuer.isBlank();
		}

	}

}
