package vn.edu.portal.system;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

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
	 * Static files and health are the same for everyone ({@link Sessionless}), so their
	 * chain neither reads the session nor creates one; their headers are the portal's (a
	 * static file keeps the year of caching its versioned path allows).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain sessionless(HttpSecurity http) throws Exception {
		http.securityMatcher(Sessionless.PATTERNS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.securityContext((context) -> context.securityContextRepository(new NullSecurityContextRepository()))
			.sessionManagement((session) -> session.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.logout((logout) -> logout.disable())
			.csrf((csrf) -> csrf.disable());
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationSuccessHandler loginSuccessHandler,
			AuthenticationFailureHandler loginFailureHandler) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole("SYSTEM_ADMIN")
			.requestMatchers("/login", "/error")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.formLogin((form) -> form.loginPage("/login")
			.usernameParameter("username")
			.passwordParameter("password")
			.successHandler(loginSuccessHandler)
			.failureHandler(loginFailureHandler)
			.permitAll());
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new ExpiredSessionHandler()));
		headers(http);
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
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

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role("DEPARTMENT_LEADER")
			.implies("DEPARTMENT_OFFICER")
			.build();
	}

}
