package vn.edu.portal.account;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The login form's outcomes. Every failure shows the same message, so the page never
 * tells whether an account exists; only a client that must wait gets its own.
 */
@Configuration(proxyBeanMethods = false)
class LoginHandlers {

	private final LoginAttempts attempts;

	private final LocaleResolver locales;

	LoginHandlers(LoginAttempts attempts, LocaleResolver locales) {
		this.attempts = attempts;
		this.locales = locales;
	}

	@Bean
	AuthenticationSuccessHandler loginSuccessHandler() {
		SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
		target.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			if (authentication.getPrincipal() instanceof CurrentUser user) {
				this.attempts.succeeded(user, request, response);
				this.locales.setLocale(request, response, Locale.forLanguageTag(user.language()));
			}
			target.onAuthenticationSuccess(request, response, authentication);
		};
	}

	@Bean
	AuthenticationFailureHandler loginFailureHandler() {
		return new SimpleUrlAuthenticationFailureHandler("/login?error") {

			@Override
			public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
					AuthenticationException exception) throws IOException, ServletException {
				LoginHandlers.this.attempts.failed(request.getParameter("username"), exception);
				if (exception instanceof LoginThrottledException) {
					getRedirectStrategy().sendRedirect(request, response, "/login?error=throttled");
					return;
				}
				if (exception instanceof PasswordsOffException) {
					getRedirectStrategy().sendRedirect(request, response, "/login?error=sso");
					return;
				}
				super.onAuthenticationFailure(request, response, exception);
			}

		};
	}

	@EventListener
	void on(LogoutSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			this.attempts.loggedOut(user);
		}
	}

}
