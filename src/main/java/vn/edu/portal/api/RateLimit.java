package vn.edu.portal.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each caller's requests per window, counted in PostgreSQL so that every instance behind
 * the proxy shares one budget: past it, 429 with {@code Retry-After}. One statement per
 * API request (an upsert that returns the count), in the database's clock.
 */
class RateLimit extends OncePerRequestFilter {

	private static final String COUNT = """
			insert into api_rate_window as w (caller, window_start, requests) values (:caller, now(), 1)
			on conflict (caller) do update set
			    window_start = case when w.window_start + :window * interval '1 second' <= now()
			                        then now() else w.window_start end,
			    requests = case when w.window_start + :window * interval '1 second' <= now()
			                    then 1 else w.requests + 1 end
			returning requests,
			    ceil(extract(epoch from (window_start + :window * interval '1 second' - now()))) as seconds_left
			""";

	private final JdbcClient jdbc;

	private final ApiProperties properties;

	private final ApiProblems problems;

	RateLimit(JdbcClient jdbc, ApiProperties properties, ApiProblems problems) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ApiPrincipal principal)) {
			chain.doFilter(request, response);
			return;
		}
		Window window = this.jdbc.sql(COUNT)
			.param("caller", principal.caller())
			.param("window", this.properties.rateWindow().toSeconds())
			.query((rs, i) -> new Window(rs.getInt("requests"), rs.getLong("seconds_left")))
			.single();
		int budget = this.properties.requestsPerMinute();
		if (window.requests() <= budget) {
			response.setHeader("X-RateLimit-Remaining", String.valueOf(budget - window.requests()));
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, window.secondsLeft());
		response.setHeader("Retry-After", String.valueOf(seconds));
		this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests with this token; try again in " + seconds + " s.");
	}

	private record Window(int requests, long secondsLeft) {
	}

}
