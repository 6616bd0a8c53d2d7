package vn.edu.portal.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * What the login protections know of the client: its address and, when the browser has
 * one, the hash of its device cookie.
 */
class LoginDetails extends WebAuthenticationDetails {

	private final String deviceHash;

	LoginDetails(HttpServletRequest request) {
		super(request);
		this.deviceHash = KnownDevices.hashOf(request);
	}

	String deviceHash() {
		return this.deviceHash;
	}

	/** Builds the details of a login form post. */
	@Component
	static class Source implements AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> {

		@Override
		public WebAuthenticationDetails buildDetails(HttpServletRequest request) {
			return new LoginDetails(request);
		}

	}

}
