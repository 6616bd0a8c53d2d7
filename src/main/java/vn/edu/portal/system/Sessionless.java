package vn.edu.portal.system;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What is the same for everyone, so that serving it never reads or writes the session:
 * the static files (stylesheets, scripts, fonts, images; a browser sends its session
 * cookie with each) and the health endpoint of load balancers and probes. Filters of
 * other modules ask {@link #matches} before they look at the session.
 */
public final class Sessionless {

	static final String[] PATTERNS = { "/webjars/**", "/css/**", "/js/**", "/fonts/**", "/images/**", "/favicon.ico",
			"/actuator/health", "/actuator/health/**" };

	private static final List<PathPattern> PARSED = Arrays.stream(PATTERNS)
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	private Sessionless() {
	}

	/** Whether the request is for a static file or the health endpoint. */
	public static boolean matches(HttpServletRequest request) {
		PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
				: PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return PARSED.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	/**
	 * Flash messages live in the session; Spring MVC looks for them on every request it
	 * serves, which read the session for each stylesheet.
	 */
	static final class FlashMapManager extends SessionFlashMapManager {

		@Override
		protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
			return matches(request) ? null : super.retrieveFlashMaps(request);
		}

	}

}
