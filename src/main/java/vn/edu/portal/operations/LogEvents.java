package vn.edu.portal.operations;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.AppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The log events written, per level, as {@code logback_events_total{level="error"}}: the
 * metric Micrometer's Logback binder gives (the one to alert on: errors per minute),
 * counted by an appender on the root logger instead of a turbo filter.
 * <p>
 * Micrometer's binder is a turbo filter, and Logback asks every turbo filter before its
 * level check on every {@code isTraceEnabled()}, also when nothing is written. Thymeleaf
 * asks that for each expression it evaluates: a page of the portal asked it thousands of
 * times, 2% of its processor time. An appender sees only the events written, which are
 * the events the binder counted (those its logger's level lets through). Its
 * auto-configuration is excluded on the application class.
 */
@Component
class LogEvents implements MeterBinder, DisposableBean {

	private enum Written {

		ERROR(Level.ERROR), WARN(Level.WARN), INFO(Level.INFO), DEBUG(Level.DEBUG), TRACE(Level.TRACE);

		private final Level level;

		Written(Level level) {
			this.level = level;
		}

		static Written of(Level level) {
			for (Written written : values()) {
				if (written.level.equals(level)) {
					return written;
				}
			}
			return null;
		}

	}

	private final Counting appender = new Counting();

	private final Reattach reattach = new Reattach();

	private LoggerContext context;

	@Override
	public synchronized void bindTo(MeterRegistry registry) {
		Map<Written, Counter> counters = new EnumMap<>(Written.class);
		for (Written level : Written.values()) {
			counters.put(level,
					Counter.builder("logback.events")
						.tag("level", level.name().toLowerCase(Locale.ROOT))
						.description("Number of log events that were enabled by the effective log level")
						.baseUnit("events")
						.register(registry));
		}
		this.appender.counters = Map.copyOf(counters);
		if (this.context == null && LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
			this.context = logback;
			this.appender.setContext(logback);
			this.appender.setName("portal-log-events");
			attach(logback);
			// Logging configured again (another application context in the same JVM)
			// detaches
			// every appender: put this one back, as Micrometer's binder does with its
			// filter.
			logback.addListener(this.reattach);
		}
	}

	private void attach(LoggerContext logback) {
		this.appender.start();
		logback.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
	}

	@Override
	public synchronized void destroy() {
		if (this.context != null) {
			this.context.removeListener(this.reattach);
			this.context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this.appender);
			this.appender.stop();
			this.context = null;
		}
	}

	private final class Reattach implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onReset(LoggerContext logback) {
			synchronized (LogEvents.this) {
				if (LogEvents.this.context == logback) {
					attach(logback);
				}
			}
		}

		@Override
		public void onStart(LoggerContext logback) {
		}

		@Override
		public void onStop(LoggerContext logback) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

	private static final class Counting extends AppenderBase<ILoggingEvent> {

		private volatile Map<Written, Counter> counters = Map.of();

		@Override
		protected void append(ILoggingEvent event) {
			Written level = Written.of(event.getLevel());
			Counter counter = (level != null) ? this.counters.get(level) : null;
			if (counter != null) {
				counter.increment();
			}
		}

	}

}
