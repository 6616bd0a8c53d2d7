package vn.edu.portal.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link FirstStartStep}s just before the web server starts: when the portal
 * first answers, the administrator and the demo exist. (Application runners run after the
 * web server has started, when the login page is already served.) By then every bean and
 * event listener is ready; scheduled jobs start after.
 */
@Component
class FirstStart implements SmartLifecycle {

	private final ObjectProvider<FirstStartStep> steps;

	private volatile boolean done;

	FirstStart(ObjectProvider<FirstStartStep> steps) {
		this.steps = steps;
	}

	@Override
	public void start() {
		this.steps.orderedStream().forEach(FirstStartStep::run);
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
