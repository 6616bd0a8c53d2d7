package vn.edu.portal.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link FirstStartStep}s just before the web server starts: when the portal
 * first answers, the administrator and the demo exist. (Application runners run after the
 * web server has started, when the login page is already served.) By then every bean and
 * event listener is ready; scheduled jobs start after. Instances starting together on a
 * fresh database take turns (a PostgreSQL advisory lock held for the steps), so that one
 * makes the first accounts and the demo and the others find them made.
 */
@Component
class FirstStart implements SmartLifecycle {

	/** The advisory lock's key: "firststa" in ASCII. */
	static final long LOCK = 0x6669727374737461L;

	private final ObjectProvider<FirstStartStep> steps;

	private final DataSource dataSource;

	private volatile boolean done;

	FirstStart(ObjectProvider<FirstStartStep> steps, DataSource dataSource) {
		this.steps = steps;
		this.dataSource = dataSource;
	}

	@Override
	public void start() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			statement.execute("select pg_advisory_lock(" + LOCK + ")");
			try {
				this.steps.orderedStream().forEach(FirstStartStep::run);
			}
			finally {
				statement.execute("select pg_advisory_unlock(" + LOCK + ")");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The first-start steps could not take their turn", ex);
		}
		this.done = true;
	}

	@Override
	public void stop() {
		// The work is done once, and there is nothing to stop.
	}

	@Override
	public boolean isRunning() {
		return this.done;
	}

	@Override
	public int getPhase() {
		return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
	}

}
