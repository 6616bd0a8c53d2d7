package vn.edu.portal.system;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge of every request, before security and every controller:
 * <ul>
 * <li>a NUL character is removed from every parameter's name and value (also of a
 * multipart form): no search, form or export means one, and PostgreSQL refuses it in
 * text, so that it once turned a search into a server error;</li>
 * <li>a list index in a field's name ({@code people[99999].count}) beyond
 * {@value #MAX_LIST_INDEX} is a bad request: no form has that many rows, and the binder
 * would grow a list to that size or fail;</li>
 * <li>the error page answers only as the error page: asked for directly, it is a
 * 404;</li>
 * <li>a response is held until {@value #RESPONSE_BUFFER} bytes before it is sent (Tomcat
 * holds 8 KB), so that a page (a list is 5 to 30 KB) leaves in one write with its length
 * ({@link WholePageView}) instead of four writes of 8 KB and a chunked ending.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestEdgeFilter extends OncePerRequestFilter {

	/** The highest list index a form's field may carry; the binder's limit too. */
	static final int MAX_LIST_INDEX = 199;

	/** The bytes of a response held before it is sent; a page's whole HTML fits. */
	public static final int RESPONSE_BUFFER = 32 * 1024;

	private static final String NUL = "\0";

	private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("/error".equals(request.getRequestURI())) {
			response.sendError(HttpStatus.NOT_FOUND.value());
			return;
		}
		response.setBufferSize(RESPONSE_BUFFER);
		WithoutNul cleaned = new WithoutNul(request);
		if (cleaned.getParameterMap().keySet().stream().anyMatch(RequestEdgeFilter::indexTooHigh)) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(cleaned, response);
	}

	private static boolean indexTooHigh(String name) {
		Matcher index = INDEX.matcher(name);
		while (index.find()) {
			String digits = index.group(1);
			if (digits.length() > 4 || Integer.parseInt(digits) > MAX_LIST_INDEX) {
				return true;
			}
		}
		return false;
	}

	private static String clean(String value) {
		return (value != null && value.contains(NUL)) ? value.replace(NUL, "") : value;
	}

	private static String[] clean(String[] values) {
		return (values != null) ? Arrays.stream(values).map(RequestEdgeFilter::clean).toArray(String[]::new) : null;
	}

	/** The request with its parameters read without NUL characters. */
	static final class WithoutNul extends HttpServletRequestWrapper {

		WithoutNul(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			String[] values = getParameterValues(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public String[] getParameterValues(String name) {
			return getParameterMap().get(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> cleaned = new LinkedHashMap<>();
			super.getParameterMap().forEach((name, values) -> cleaned.merge(clean(name), clean(values), (a, b) -> {
				String[] both = Arrays.copyOf(a, a.length + b.length);
				System.arraycopy(b, 0, both, a.length, b.length);
				return both;
			}));
			return cleaned;
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			return java.util.Collections.enumeration(getParameterMap().keySet());
		}

	}

}
