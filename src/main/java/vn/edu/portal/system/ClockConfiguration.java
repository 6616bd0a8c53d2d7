package vn.edu.portal.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the portal, so that tests can move time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * {@code @PastOrPresent} and its kin read today on the portal's clock in the portal's
	 * time zone, not on the server's (UTC in a container): else a request sent today is
	 * "in the future" from midnight to 7 in the morning in Vietnam.
	 */
	@Bean
	ValidationConfigurationCustomizer validationClock(Clock clock, PortalProperties properties) {
		ZoneId zone = properties.timeZone();
		// Asked at each validation, so the instant is the portal clock's of that moment.
		return (configuration) -> configuration.clockProvider(() -> Clock.fixed(clock.instant(), zone));
	}

}
