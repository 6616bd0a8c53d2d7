package vn.edu.portal.system;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the reverse proxy's {@code X-Request-Id} if it sent a sane
 * one (letters, digits, {@code .-_:}, at most 64), else a new one. The id is in the
 * logging context ({@code requestId}) of every line the request writes, in the response's
 * {@code X-Request-Id} header, and on the error pages ("Mã yêu cầu"), so that a user can
 * quote it and an operator find the request's lines on any instance. A failure no one
 * handled is logged here, with the id, and answered with the error page, or with the
 * {@link UnavailablePage} while the database is out of reach.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	/** The header, in the request (from the proxy) and in the response. */
	public static final String HEADER = "X-Request-Id";

	/** The request attribute (and template variable) and the logging context's key. */
	public static final String ATTRIBUTE = "requestId";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final UnavailablePage unavailable;

	RequestIdFilter(UnavailablePage unavailable) {
		this.unavailable = unavailable;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (request.getAttribute(ATTRIBUTE) instanceof String known) ? known : idOf(request);
		request.setAttribute(ATTRIBUTE, id);
		if (!response.containsHeader(HEADER)) {
			response.setHeader(HEADER, id);
		}
		String previous = MDC.get(ATTRIBUTE);
		MDC.put(ATTRIBUTE, id);
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (response.isCommitted() || request.getDispatcherType() == DispatcherType.ERROR) {
				throw ex;
			}
			// Logged here, where the id is still in the logging context (the container
			// would
			// log it after this filter, without the id), and answered with the error
			// page.
			this.logger.error("Request failed: " + request.getMethod() + " " + request.getRequestURI(), ex);
			if (UnavailablePage.databaseUnreachable(ex)) {
				// The error page would need the session and the menu, from the same
				// database.
				this.unavailable.render(request, response, id);
			}
			else {
				request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
				response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			}
		}
		finally {
			if (previous != null) {
				MDC.put(ATTRIBUTE, previous);
			}
			else {
				MDC.remove(ATTRIBUTE);
			}
		}
	}

	/** The error page, rendered after the request's own pass, carries the same id. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static String idOf(HttpServletRequest request) {
		String given = request.getHeader(HEADER);
		if (given != null && SANE.matcher(given).matches()) {
			return given;
		}
		byte[] bytes = new byte[8];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
