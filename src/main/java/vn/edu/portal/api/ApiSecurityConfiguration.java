package vn.edu.portal.api;

import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's own filter chain, before the pages': bearer tokens only, no session, no
 * cookie, no CSRF (a token is not sent by the browser on its own); 401 and 403 as problem
 * details; a rate limit per caller shared by every instance. A bearer token is a personal
 * access token ({@code pat_…}, checked by {@link ApiTokens}) or, when
 * {@code portal.api.issuer} names the province's identity provider, a JWT it issued to a
 * machine client by the client-credentials grant.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurityConfiguration {

	private static final String UNAUTHORIZED = "A valid bearer token is required (Authorization: Bearer …): "
			+ "a personal access token (pat_…) or a token of the province's identity provider; "
			+ "it may be unknown, expired or revoked.";

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, OpaqueTokenIntrospector tokens, ApiTokens clients,
			ApiProperties properties, ApiProblems problems, JdbcClient jdbc) throws Exception {
		http.securityMatcher("/api/v1/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.oauth2ResourceServer(
					(server) -> server.authenticationManagerResolver(managers(tokens, clients, properties))
						.authenticationEntryPoint((request, response, ex) -> {
							response.setHeader("WWW-Authenticate", "Bearer");
							problems.write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED);
						})
						.accessDeniedHandler((request, response, ex) -> problems.write(request, response,
								HttpStatus.FORBIDDEN, "The token's scopes do not allow this.")))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer");
				problems.write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED);
			})
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"The token's scopes do not allow this.")))
			.addFilterBefore(new BodyLimit(problems), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(new RateLimit(jdbc, properties, problems), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/** Personal access tokens as opaque bearer tokens, introspected from the database. */
	@Bean
	OpaqueTokenIntrospector personalAccessTokens(ApiTokens tokens) {
		return (token) -> tokens.authenticate(token)
			.orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or revoked token"));
	}

	/**
	 * Which authentication a request's bearer token gets: a personal access token always
	 * goes to the database; anything else is a JWT of the identity provider, if one is
	 * configured.
	 */
	private static AuthenticationManagerResolver<HttpServletRequest> managers(OpaqueTokenIntrospector tokens,
			ApiTokens clients, ApiProperties properties) {
		AuthenticationManager personal = new ProviderManager(new OpaqueTokenAuthenticationProvider(tokens));
		if (!properties.acceptsClients()) {
			return (request) -> personal;
		}
		AuthenticationManager machine = new ProviderManager(clientTokens(clients, properties));
		DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
		return (request) -> {
			String token = bearer.resolve(request);
			return (token == null || token.startsWith(ApiTokens.PREFIX)) ? personal : machine;
		};
	}

	/**
	 * JWTs signed by the issuer's keys (fetched from its discovery document at the first
	 * token, not at start-up, so that the portal starts while the provider is down),
	 * issued by it, unexpired, for the configured audience; the client is the
	 * {@code client_id} claim (or {@code azp}, or {@code sub}).
	 */
	private static JwtAuthenticationProvider clientTokens(ApiTokens clients, ApiProperties properties) {
		SupplierJwtDecoder decoder = new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder nimbus = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuer());
			nimbus.setJwtValidator(validator(properties));
			return nimbus;
		});
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter((jwt) -> {
			ApiPrincipal principal = clients.client(clientId(jwt), scopes(jwt))
				.orElseThrow(() -> new InvalidBearerTokenException("no active account for this client"));
			OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, jwt.getTokenValue(),
					jwt.getIssuedAt(), jwt.getExpiresAt());
			return new BearerTokenAuthentication(principal, token, principal.getAuthorities());
		});
		return provider;
	}

	private static OAuth2TokenValidator<Jwt> validator(ApiProperties properties) {
		OAuth2TokenValidator<Jwt> issuer = JwtValidators.createDefaultWithIssuer(properties.issuer());
		if (properties.audience() == null || properties.audience().isBlank()) {
			return issuer;
		}
		return new DelegatingOAuth2TokenValidator<>(issuer, new JwtClaimValidator<List<String>>("aud",
				(audience) -> audience != null && audience.contains(properties.audience())));
	}

	private static String clientId(Jwt jwt) {
		for (String claim : List.of("client_id", "azp", "sub")) {
			String value = jwt.getClaimAsString(claim);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	/** The {@code scope} claim, as a space-separated string or a list. */
	private static Collection<String> scopes(Jwt jwt) {
		Object scope = jwt.getClaim("scope");
		if (scope instanceof String text) {
			return List.of(text.split(" "));
		}
		if (scope instanceof Collection<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

}
