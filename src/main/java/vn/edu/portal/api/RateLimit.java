package vn.edu.portal.api;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each token's requests per window (Bucket4j): past the budget, 429 with
 * {@code Retry-After}. Buckets live in this instance: behind several instances each
 * counts its own share.
 */
class RateLimit extends OncePerRequestFilter {

	private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

	private final ApiProperties properties;

	private final ApiProblems problems;

	RateLimit(ApiProperties properties, ApiProblems problems) {
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
		Bucket bucket = this.buckets.computeIfAbsent(principal.tokenId(),
				(id) -> Bucket.builder()
					.addLimit(Bandwidth.builder()
						.capacity(this.properties.requestsPerMinute())
						.refillIntervally(this.properties.requestsPerMinute(), this.properties.rateWindow())
						.build())
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
		response.setHeader("Retry-After", String.valueOf(seconds));
		this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests with this token; try again in " + seconds + " s.");
	}

}
