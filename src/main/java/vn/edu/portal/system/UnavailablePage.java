package vn.edu.portal.system;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * What a user sees while the database is unreachable (restarting, failing over, cut off):
 * a 503 asking to try again in a minute, with the request's id. It is rendered without
 * the session, the menu or anything else the database would have to answer; the usual
 * error page needs them, and would itself fail.
 */
@Component
class UnavailablePage {

	private static final int MAX_CAUSES = 16;

	private final ObjectProvider<ITemplateEngine> templates;

	private final ObjectProvider<LocaleResolver> locales;

	private final Assets assets;

	UnavailablePage(ObjectProvider<ITemplateEngine> templates, ObjectProvider<LocaleResolver> locales, Assets assets) {
		this.templates = templates;
		this.locales = locales;
		this.assets = assets;
	}

	/**
	 * Whether a failure is the database being out of reach, not a fault of the request.
	 */
	static boolean databaseUnreachable(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			// 08: connection exceptions; 57P: the server shutting down, restarting or
			// starting.
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	/** Answers the request with the page, replacing whatever it had started. */
	void render(HttpServletRequest request, HttpServletResponse response, String requestId) throws IOException {
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "30");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
		response.setHeader(RequestIdFilter.HEADER, requestId);
		response.setContentType("text/html;charset=UTF-8");
		Context context = new Context(this.locales.getObject().resolveLocale(request),
				Map.of("requestId", requestId, "css", this.assets.getBootstrapCss(), "again",
						"GET".equals(request.getMethod()) ? request.getRequestURI() : ""));
		this.templates.getObject().process("error/unavailable", context, response.getWriter());
	}

}
