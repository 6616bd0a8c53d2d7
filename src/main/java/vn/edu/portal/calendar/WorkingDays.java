package vn.edu.portal.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one service that computes deadlines: working days skip weekends and the holidays an
 * administrator keeps ({@link HolidayAdministration}). The holidays are a few dozen rows
 * a year: they are held in memory and read again after a change here, or after a minute,
 * so another instance's change is seen within a minute.
 */
@Service
public class WorkingDays {

	private static final Duration FRESH_FOR = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Loaded> loaded = new AtomicReference<>();

	WorkingDays(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The calendar as it stands now. */
	public WorkingCalendar calendar() {
		Loaded current = this.loaded.get();
		Instant now = this.clock.instant();
		if (current == null || current.at().plus(FRESH_FOR).isBefore(now)) {
			current = new Loaded(
					new WorkingCalendar(
							new HashSet<>(this.jdbc.sql("select day from holiday").query(LocalDate.class).list())),
					now);
			this.loaded.set(current);
		}
		return current.calendar();
	}

	/** The working day after a day: the default deadline to acknowledge a directive. */
	public LocalDate nextWorkingDay(LocalDate day) {
		return calendar().plus(day, 1);
	}

	/**
	 * Forgets the holidays held once the change is committed, so that no request reloads
	 * the old ones in between.
	 */
	void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					WorkingDays.this.loaded.set(null);
				}
			});
		}
		else {
			this.loaded.set(null);
		}
	}

	private record Loaded(WorkingCalendar calendar, Instant at) {
	}

}
