package vn.edu.identityprovider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID provider for the single sign-on tests: Spring Authorization Server with
 * OpenID Connect 1.0 (discovery, authorization code with PKCE required, ID tokens that
 * carry {@code preferred_username} and {@code email}, RP-initiated logout), form login
 * for its own users, one registered client: the portal. It lives outside the portal's
 * packages so that no portal context picks it up, and starts as an application of its own
 * on the port given.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
		SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class })
public class TestIdentityProvider {

	public static final String CLIENT_ID = "portal";

	public static final String CLIENT_SECRET = "provider-secret-for-tests";

	public static final String PASSWORD = "Mat-khau-cong-vu-2026";

	/**
	 * A machine client (the province's document register) with the client-credentials
	 * grant.
	 */
	public static final String MACHINE_CLIENT_ID = "qlvb-tinh";

	public static final String MACHINE_CLIENT_SECRET = "machine-secret-for-tests";

	/**
	 * Starts the provider.
	 * @param port its port
	 * @param portalBase the portal's address, to which it sends users back
	 * @return the running provider
	 */
	public static ConfigurableApplicationContext start(int port, String portalBase) {
		return new SpringApplicationBuilder(TestIdentityProvider.class).web(WebApplicationType.SERVLET)
			.properties("spring.config.name=test-identity-provider", "server.port=" + port,
					"spring.main.banner-mode=off", "idp.portal=" + portalBase,
					"logging.level.org.springframework.security=warn")
			.run();
	}

	/** Adds a user of the provider, with {@link #PASSWORD}. */
	public static void addUser(ConfigurableApplicationContext provider, String username) {
		provider.getBean(InMemoryUserDetailsManager.class)
			.createUser(User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build());
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signIn(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager();
	}

	@Bean
	RegisteredClientRepository clients(Environment environment) {
		String portal = environment.getRequiredProperty("idp.portal");
		RegisteredClient machine = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(MACHINE_CLIENT_ID)
			.clientSecret("{noop}" + MACHINE_CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("inbox:read")
			.scope("directives:read")
			.scope("dashboard:read")
			.build();
		return new InMemoryRegisteredClientRepository(machine,
				RegisteredClient.withId(UUID.randomUUID().toString())
					.clientId(CLIENT_ID)
					.clientSecret("{noop}" + CLIENT_SECRET)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
					.redirectUri(portal + "/login/oauth2/code/portal")
					.postLogoutRedirectUri(portal + "/login?logout")
					.scope(OidcScopes.OPENID)
					.scope(OidcScopes.PROFILE)
					.scope(OidcScopes.EMAIL)
					.clientSettings(
							ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
					.build());
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> identityClaims() {
		return (context) -> {
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				String name = context.getPrincipal().getName();
				context.getClaims().claim("preferred_username", name).claim("email", name + "@bentre.gov.vn");
			}
		};
	}

	@Bean
	JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	AuthorizationServerSettings settings() {
		return AuthorizationServerSettings.builder().build();
	}

}
