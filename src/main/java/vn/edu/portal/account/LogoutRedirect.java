package vn.edu.portal.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the portal's logout: a session that signed in through the provider is sent on to
 * the provider's own logout (RP-initiated, with the ID token as hint), which comes back
 * to the login page; any other session goes straight there.
 */
@Component
class LogoutRedirect implements LogoutSuccessHandler {

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	LogoutRedirect(ObjectProvider<ClientRegistrationRepository> registrations) {
		this.registrations = registrations;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		String loggedOut = ServletUriComponentsBuilder.fromContextPath(request)
			.path("/login")
			.query("logout")
			.toUriString();
		ClientRegistrationRepository repository = this.registrations.getIfAvailable();
		if (authentication != null && authentication.getDetails() instanceof OidcSignOn.SignedOnWith signedOn
				&& repository != null) {
			ClientRegistration registration = repository.findByRegistrationId(OidcProperties.REGISTRATION);
			Object endSession = registration.getProviderDetails()
				.getConfigurationMetadata()
				.get("end_session_endpoint");
			if (endSession != null) {
				response.sendRedirect(UriComponentsBuilder.fromUriString(endSession.toString())
					.queryParam("id_token_hint", signedOn.idToken())
					.queryParam("client_id", registration.getClientId())
					.queryParam("post_logout_redirect_uri", loggedOut)
					.encode()
					.toUriString());
				return;
			}
		}
		response.sendRedirect(request.getContextPath() + "/login?logout");
	}

}
