package vn.edu.portal.api;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the API.
 *
 * @param requestsPerMinute requests a caller may make per window before 429
 * @param maxTokenDays the longest a token may live
 * @param rateWindow the window of the rate limit
 * @param issuer the province's identity provider whose client-credentials JWTs the API
 * accepts ({@code PORTAL_API_ISSUER}); none when empty
 * @param audience the audience those JWTs must name, when set
 */
@ConfigurationProperties("portal.api")
@Validated
record ApiProperties(@DefaultValue("60") @Min(1) @Max(100_000) int requestsPerMinute,
		@DefaultValue("365") @Min(1) @Max(3650) int maxTokenDays, @DefaultValue("1m") @NotNull Duration rateWindow,
		String issuer, String audience) {

	boolean acceptsClients() {
		return this.issuer != null && !this.issuer.isBlank();
	}

}
