package vn.edu.portal.system;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * A form sent after its session expired (the CSRF token belonged to the session) is not a
 * forbidden request: the user is sent to log in again and then back to the page the form
 * was on, where the text typed is still kept by the browser. Every other refusal is the
 * 403 page.
 */
class ExpiredSessionHandler implements AccessDeniedHandler {

	private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

	private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		boolean expired = denied instanceof CsrfException && request.getRequestedSessionId() != null
				&& !request.isRequestedSessionIdValid();
		if (!expired) {
			this.forbidden.handle(request, response, denied);
			return;
		}
		String back = samePageOf(request);
		if (back != null && !back.startsWith("/login")) {
			this.requests.saveRequest(new PageRequest(request, back), response);
		}
		response.sendRedirect(request.getContextPath() + "/login?expired");
	}

	/** The path of the page the form was sent from, if it is one of the portal's. */
	private static String samePageOf(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			URI uri = URI.create(referer);
			boolean sameHost = uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName());
			return (sameHost && uri.getRawPath() != null && uri.getRawPath().startsWith("/")) ? uri.getRawPath() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The page to come back to, as a GET of its path. It carries none of the form's
	 * fields: they are not kept in the session (a password, a CSRF token, a report's
	 * text).
	 */
	private static final class PageRequest extends HttpServletRequestWrapper {

		private final String path;

		PageRequest(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getRequestURI() {
			return this.path;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer();
			url.append(getScheme()).append("://").append(getServerName());
			boolean defaultPort = (getScheme().equals("http") && getServerPort() == 80)
					|| (getScheme().equals("https") && getServerPort() == 443);
			if (!defaultPort) {
				url.append(':').append(getServerPort());
			}
			return url.append(this.path);
		}

		@Override
		public String getServletPath() {
			return this.path;
		}

		@Override
		public String getQueryString() {
			return null;
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public java.util.Map<String, String[]> getParameterMap() {
			return java.util.Map.of();
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			return java.util.Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		/**
		 * Without the form's body headers: a GET replayed with a multipart content type
		 * would be parsed as a form upload.
		 */
		@Override
		public String getHeader(String name) {
			return isBodyHeader(name) ? null : super.getHeader(name);
		}

		@Override
		public java.util.Enumeration<String> getHeaders(String name) {
			return isBodyHeader(name) ? java.util.Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public java.util.Enumeration<String> getHeaderNames() {
			return java.util.Collections.enumeration(java.util.Collections.list(super.getHeaderNames())
				.stream()
				.filter((name) -> !isBodyHeader(name))
				.toList());
		}

		@Override
		public String getContentType() {
			return null;
		}

		private static boolean isBodyHeader(String name) {
			return name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length");
		}

	}

}
