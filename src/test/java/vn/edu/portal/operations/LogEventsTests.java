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

	@Test
	void theAppenderTakenOffByLoggingConfiguredAgainIsPutBackWhenTheCountsAreRead() {
		ch.qos.logback.classic.Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
			.getLogger(Logger.ROOT_LOGGER_NAME);
		count("error");
		// Taken off as Logback's reset does, for every application context of this JVM.
		int taken = 0;
		while (root.detachAppender("portal-log-events")) {
			taken++;
		}
		assertThat(taken).isPositive();
		log.error("written while no count is kept, as between a reset and the next scrape");
		double errors = count("error");
		log.error("counted once the counts have been read");
		assertThat(count("error")).isEqualTo(errors + 1);
	}

	private double count(String level) {
		return this.registry.get("logback.events").tag("level", level).functionCounter().count();
	}

}
