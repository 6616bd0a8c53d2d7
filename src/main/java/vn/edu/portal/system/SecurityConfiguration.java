package vn.edu.portal.system;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security baseline (OWASP ASVS level 2 as the yardstick): form login, CSRF on every
 * state change, strict headers, no cache for pages behind login, actuator closed but for
 * health. Feature rules live beside the features, as {@code @PreAuthorize} on their
 * controllers; the login handlers come from the account module.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	/**
	 * Prometheus scrapes {@code /actuator/prometheus} without signing in from the
	 * networks named in {@code portal.metrics.scrape-networks} (addresses or CIDR ranges,
	 * as the instance sees the client: behind a proxy, the address it forwards); from
	 * anywhere else the endpoint stays for signed-in administrators. Nothing is named by
	 * default.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metricsScrape(HttpSecurity http, Environment environment) throws Exception {
		List<IpAddressMatcher> networks = Arrays
			.stream(environment.getProperty("portal.metrics.scrape-networks", "").split(","))
			.map(String::strip)
			.filter((network) -> !network.isEmpty())
			.map(IpAddressMatcher::new)
			.toList();
		RequestMatcher prometheus = PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus");
		http.securityMatcher((request) -> prometheus.matches(request)
				&& networks.stream().anyMatch((network) -> network.matches(request.getRemoteAddr())));
		return openWithoutSession(http);
	}

	/**
	 * Static files and health are the same for everyone ({@link Sessionless}), so their
	 * chain neither reads the session nor creates one; their headers are the portal's (a
	 * static file keeps the year of caching its versioned path allows).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain sessionless(HttpSecurity http) throws Exception {
		http.securityMatcher(Sessionless.PATTERNS);
		return openWithoutSession(http);
	}

	/**
	 * A chain open to everyone that neither reads nor creates a session, with the
	 * portal's headers.
	 */
	private static SecurityFilterChain openWithoutSession(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.securityContext((context) -> context.securityContextRepository(new NullSecurityContextRepository()))
			.sessionManagement((session) -> session.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.logout((logout) -> logout.disable())
			.csrf((csrf) -> csrf.disable());
		headers(http, CONTENT_SECURITY_POLICY);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationSuccessHandler loginSuccessHandler,
			AuthenticationFailureHandler loginFailureHandler,
			AuthenticationDetailsSource<HttpServletRequest, ?> loginDetailsSource,
			LogoutSuccessHandler logoutSuccessHandler,
			ObjectProvider<Customizer<OAuth2LoginConfigurer<HttpSecurity>>> singleSignOn,
			ObjectProvider<Customizer<WebAuthnConfigurer<HttpSecurity>>> passkeys, Environment environment)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole("SYSTEM_ADMIN")
			.requestMatchers("/login", "/login/unlinked", "/login/reset", "/login/reset/*", "/error")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.formLogin((form) -> form.loginPage("/login")
			.usernameParameter("username")
			.passwordParameter("password")
			.authenticationDetailsSource(loginDetailsSource)
			.successHandler(loginSuccessHandler)
			.failureHandler(loginFailureHandler)
			.permitAll());
		Customizer<OAuth2LoginConfigurer<HttpSecurity>> oidcLogin = singleSignOn.getIfAvailable();
		if (oidcLogin != null) {
			http.oauth2Login(oidcLogin);
		}
		Customizer<WebAuthnConfigurer<HttpSecurity>> passkeyLogin = passkeys.getIfAvailable();
		if (passkeyLogin != null) {
			http.webAuthn(passkeyLogin);
		}
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutSuccessHandler).permitAll());
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new ExpiredSessionHandler()));
		headers(http, contentSecurityPolicy(environment.getProperty("portal.oidc.issuer", "")));
		return http.build();
	}

	private static void headers(HttpSecurity http, String policy) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy))
			.frameOptions((frame) -> frame.deny())
			.contentTypeOptions((options) -> {
			})
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY))
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
	}

	/**
	 * No observation of each security filter, authentication and authorization: the HTTP
	 * server's own metrics say what an operator needs, and wrapping every filter of every
	 * request cost a tenth of a page's time.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The content security policy. With single sign-on, forms may also lead to the
	 * identity provider: the logout form's answer redirects there, and browsers hold
	 * redirects after a form to its {@code form-action}.
	 */
	static String contentSecurityPolicy(String identityProvider) {
		if (identityProvider.isBlank()) {
			return CONTENT_SECURITY_POLICY;
		}
		URI issuer = URI.create(identityProvider.strip());
		String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
		return CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + origin);
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role("DEPARTMENT_LEADER")
			.implies("DEPARTMENT_OFFICER")
			.build();
	}

}
