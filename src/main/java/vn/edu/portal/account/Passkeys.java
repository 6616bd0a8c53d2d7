package vn.edu.portal.account;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.web.servlet.LocaleResolver;

import vn.edu.portal.audit.AuditLog;

/**
 * Passkeys (WebAuthn) with Spring Security's support: the relying party is the portal's
 * address ({@code portal.notifications.base-url}: its host is the rpId, its origin the
 * only origin admitted), credentials live in PostgreSQL, and a sign-in with a passkey
 * ends, like a password or single sign-on, with the portal's {@link CurrentUser} in the
 * session. A passkey sign-in needs no second factor.
 */
@Configuration(proxyBeanMethods = false)
class Passkeys {

	@Bean
	JdbcPublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	JdbcUserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
		return new JdbcUserCredentialRepository(jdbc);
	}

	@Bean
	Customizer<WebAuthnConfigurer<HttpSecurity>> passkeyLogin(Environment environment, SignOn signOn, JdbcClient jdbc,
			java.time.Clock clock) {
		Binder settings = Binder.get(environment);
		URI portal = URI.create(
				settings.bind("portal.notifications.base-url", String.class).orElse("http://localhost:8080").strip());
		String origin = portal.getScheme() + "://" + portal.getRawAuthority();
		return (webAuthn) -> webAuthn.rpId(portal.getHost())
			.rpName(settings.bind("portal.passkeys.rp-name", String.class).orElse("Cổng chỉ đạo và báo cáo sự cố"))
			.allowedOrigins(origin)
			.disableDefaultRegistrationPage(true)
			.creationOptionsRepository(new PendingPasskeyRegistrations(jdbc, clock))
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationSuccessHandler(signOn::succeeded);
					filter.setAuthenticationFailureHandler(signOn::failed);
					return filter;
				}
			});
	}

	/**
	 * The passkeys of one account, as its profile lists them.
	 */
	@org.springframework.stereotype.Component
	static class Registered {

		private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
			.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

		private final PublicKeyCredentialUserEntityRepository users;

		private final UserCredentialRepository credentials;

		Registered(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
			this.users = users;
			this.credentials = credentials;
		}

		List<Passkey> of(String username) {
			PublicKeyCredentialUserEntity user = this.users.findByUsername(username);
			if (user == null) {
				return List.of();
			}
			return this.credentials.findByUserId(user.getId())
				.stream()
				.map((record) -> new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
						(record.getCreated() != null) ? DATE.format(record.getCreated()) : "",
						(record.getLastUsed() != null) ? DATE.format(record.getLastUsed()) : ""))
				.toList();
		}

	}

	/**
	 * A passkey as the profile shows it.
	 *
	 * @param id the credential id (base64url), which the delete request names
	 * @param label the name its owner gave it
	 * @param created when it was registered
	 * @param lastUsed when it last signed in
	 */
	record Passkey(String id, String label, String created, String lastUsed) {
	}

	/**
	 * The end of a passkey sign-in: the WebAuthn principal is swapped for the account, as
	 * after a password.
	 */
	@org.springframework.stereotype.Component
	static class SignOn {

		private final AccountUserDetailsService accounts;

		private final LoginAttempts attempts;

		private final LocaleResolver locales;

		private final AuditLog audit;

		private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

		private final HttpMessageConverterAuthenticationSuccessHandler answer = new HttpMessageConverterAuthenticationSuccessHandler();

		SignOn(AccountUserDetailsService accounts, LoginAttempts attempts, LocaleResolver locales, AuditLog audit) {
			this.accounts = accounts;
			this.attempts = attempts;
			this.locales = locales;
			this.audit = audit;
		}

		void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
				throws IOException, ServletException {
			PublicKeyCredentialUserEntity entity = (PublicKeyCredentialUserEntity) authentication.getPrincipal();
			CurrentUser user = this.accounts.loadUserByUsername(entity.getName()).withoutPassword();
			if (!user.isEnabled()) {
				SecurityContextHolder.clearContext();
				request.getSession().invalidate();
				this.audit.recordFor(user.username(), user.unitId(), LoginAttempts.LOGIN_FAILURE,
						Map.of("reason", "disabled", "method", "passkey"));
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			request.changeSessionId();
			UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
					user.getAuthorities());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(token);
			SecurityContextHolder.setContext(context);
			this.contexts.saveContext(context, request, response);
			this.attempts.signedInWithPasskey(user, request, response);
			this.locales.setLocale(request, response, Locale.forLanguageTag(user.language()));
			this.answer.onAuthenticationSuccess(request, response, token);
		}

		void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
				throws IOException {
			this.audit.recordFor(null, null, LoginAttempts.LOGIN_FAILURE,
					Map.of("reason", "bad-credentials", "method", "passkey"));
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
		}

	}

}
