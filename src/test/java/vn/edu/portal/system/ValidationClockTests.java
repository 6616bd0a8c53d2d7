package vn.edu.portal.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Not in the future" is judged on the portal's clock, in Vietnam: at 01:30 in Hà Nội
 * (18:30 the day before in UTC) today is a date the officer may enter.
 */
class ValidationClockTests {

	record Sent(@PastOrPresent LocalDate on) {
	}

	@Test
	void todayInVietnamIsNotInTheFutureAlthoughItIsStillYesterdayInUtc() {
		Clock portal = Clock.fixed(Instant.parse("2031-05-04T18:30:00Z"), ZoneOffset.UTC);
		Configuration<?> configuration = Validation.byDefaultProvider().configure();
		new ClockConfiguration().validationClock(portal, new PortalProperties(ZoneId.of("Asia/Ho_Chi_Minh"), null))
			.customize(configuration);
		try (ValidatorFactory factory = configuration.buildValidatorFactory()) {
			Validator validator = factory.getValidator();

			assertThat(validator.validate(new Sent(LocalDate.of(2031, 5, 5)))).as("today in Vietnam").isEmpty();
			assertThat(validator.validate(new Sent(LocalDate.of(2031, 5, 4)))).as("yesterday").isEmpty();
			assertThat(validator.validate(new Sent(LocalDate.of(2031, 5, 6)))).as("tomorrow").hasSize(1);
		}
	}

}
