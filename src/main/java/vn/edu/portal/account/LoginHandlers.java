package vn.edu.portal.account;

import java.io.IOException;

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

/**
 * The login form's outcomes. Every failure shows the same message, so the page never
 * tells whether an account exists or is locked; only a throttled address gets its own.
 */
@Configuration(proxyBeanMethods = false)
class LoginHandlers {

	private final LoginAttempts attempts;

	LoginHandlers(LoginAttempts attempts) {
		this.attempts = attempts;
	}

	@Bean
	AuthenticationSuccessHandler loginSuccessHandler() {
		SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
		target.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			if (authentication.getPrincipal() instanceof CurrentUser user) {
				this.attempts.succeeded(user);
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
