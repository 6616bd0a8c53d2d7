package vn.edu.portal.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's own filter chain, before the pages': bearer tokens only (personal access
 * tokens, checked by {@link ApiTokens}), no session, no cookie, no CSRF (a token is not
 * sent by the browser on its own); 401 and 403 as problem details; a rate limit per
 * token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, OpaqueTokenIntrospector tokens, ApiProperties properties,
			ApiProblems problems) throws Exception {
		http.securityMatcher("/api/v1/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.oauth2ResourceServer((server) -> server.opaqueToken((opaque) -> opaque.introspector(tokens))
				.authenticationEntryPoint((request, response, ex) -> {
					response.setHeader("WWW-Authenticate", "Bearer");
					problems.write(request, response, HttpStatus.UNAUTHORIZED,
							"A valid personal access token is required (Authorization: Bearer pat_…); "
									+ "it may be unknown, expired or revoked.");
				})
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"The token's scopes do not allow this.")))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer");
				problems.write(request, response, HttpStatus.UNAUTHORIZED,
						"A valid personal access token is required (Authorization: Bearer pat_…).");
			})
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"The token's scopes do not allow this.")))
			.addFilterAfter(new RateLimit(properties, problems), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/** Personal access tokens as opaque bearer tokens, introspected from the database. */
	@Bean
	OpaqueTokenIntrospector personalAccessTokens(ApiTokens tokens) {
		return (token) -> tokens.authenticate(token)
			.map((found) -> new ApiPrincipal(found.tokenId(), found.user(), found.scopes()))
			.orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or revoked token"));
	}

}
