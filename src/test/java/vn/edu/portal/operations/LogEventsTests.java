package vn.edu.portal.operations;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log events written, counted per level for the operator, at no cost to a level
 * check.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LogEventsTests {

	private static final Logger log = LoggerFactory.getLogger(LogEventsTests.class);

	@Autowired
	MeterRegistry registry;

	@Test
	void aLevelCheckPassesThroughNoFilter() {
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(logback.getTurboFilterList()).isEmpty();
	}

	@Test
	void eachEventWrittenIsCountedUnderItsLevelAndNothingElse() {
		double errors = count("error");
		double warnings = count("warn");
		double debug = count("debug");
		log.error("counted once as an error");
		log.warn("counted once as a warning");
		log.warn("and once more");
		log.debug("not written at the default level, not counted");
		assertThat(count("error")).isEqualTo(errors + 1);
		assertThat(count("warn")).isEqualTo(warnings + 2);
		assertThat(count("debug")).isEqualTo(debug);
	}

	private double count(String level) {
		return this.registry.get("logback.events").tag("level", level).counter().count();
	}

}
