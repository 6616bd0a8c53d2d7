package vn.edu.portal;

import java.time.Duration;
import java.time.Instant;

import com.zaxxer.hikari.HikariDataSource;

/** What the connection pool holds once the requests a test sent have ended. */
public final class Pools {

	private static final Duration SETTLE = Duration.ofSeconds(5);

	private Pools() {
	}

	/**
	 * The connections still in use, waited for up to a few seconds: a response can reach
	 * the client a moment before its request hands its connection back.
	 */
	public static int activeConnectionsAfterRequests(HikariDataSource dataSource) throws InterruptedException {
		return activeConnectionsAfterRequests(dataSource, 0);
	}

	/**
	 * The connections still in use, waited for up to a few seconds to fall to
	 * {@code expected} (those kept before the requests).
	 */
	public static int activeConnectionsAfterRequests(HikariDataSource dataSource, int expected)
			throws InterruptedException {
		Instant until = Instant.now().plus(SETTLE);
		int active = dataSource.getHikariPoolMXBean().getActiveConnections();
		while (active > expected && Instant.now().isBefore(until)) {
			Thread.sleep(50);
			active = dataSource.getHikariPoolMXBean().getActiveConnections();
		}
		return active;
	}

}
