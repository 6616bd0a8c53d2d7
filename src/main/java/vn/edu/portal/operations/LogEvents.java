package vn.edu.portal.operations;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.FunctionCounter;
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
 * <p>
 * Logging configured again (another application started in the same JVM, as in tests)
 * takes every appender off, and Logback's listeners with them; each time the counts are
 * read (a scrape), the appender is put back if it is off.
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

	private final Map<Written, AtomicLong> written = new EnumMap<>(Written.class);

	private final Counting appender = new Counting();

	private volatile boolean closed;

	LogEvents() {
		for (Written level : Written.values()) {
			this.written.put(level, new AtomicLong());
		}
		this.appender.setName("portal-log-events");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Written level : Written.values()) {
			FunctionCounter.builder("logback.events", this, (events) -> events.count(level))
				.tag("level", level.name().toLowerCase(Locale.ROOT))
				.description("Number of log events that were enabled by the effective log level")
				.baseUnit("events")
				.register(registry);
		}
		attach();
	}

	private double count(Written level) {
		attach();
		return this.written.get(level).get();
	}

	private void attach() {
		if (this.closed || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext logback)) {
			return;
		}
		Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
		if (!this.appender.isStarted() || !root.isAttached(this.appender)) {
			synchronized (this) {
				if (!this.closed && (!this.appender.isStarted() || !root.isAttached(this.appender))) {
					this.appender.setContext(logback);
					this.appender.start();
					root.addAppender(this.appender);
				}
			}
		}
	}

	@Override
	public synchronized void destroy() {
		this.closed = true;
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
			logback.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this.appender);
		}
		this.appender.stop();
	}

	/**
	 * Counts without a lock (the counts are atomic): a line written takes no turn here.
	 */
	private final class Counting extends UnsynchronizedAppenderBase<ILoggingEvent> {

		@Override
		protected void append(ILoggingEvent event) {
			Written level = Written.of(event.getLevel());
			if (level != null) {
				LogEvents.this.written.get(level).incrementAndGet();
			}
		}

	}

}
