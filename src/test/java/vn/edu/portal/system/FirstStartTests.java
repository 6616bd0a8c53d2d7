package vn.edu.portal.system;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.edu.portal.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances starting at once on one database take turns at the first-start steps: the
 * second runs them only after the first is done (and then finds the work made).
 */
class FirstStartTests {

	@Test
	void twoInstancesStartingAtOnceRunTheFirstStartStepsOneAfterTheOther() throws Exception {
		Map<String, String> database = TestDatabase.properties();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch bothStarting = new CountDownLatch(2);
		FirstStartStep step = () -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			runs.incrementAndGet();
			running.decrementAndGet();
		};

		CompletableFuture<?>[] instances = new CompletableFuture<?>[2];
		for (int i = 0; i < 2; i++) {
			FirstStart start = new FirstStart(
					new StaticListableBeanFactory(Map.of("step", step)).getBeanProvider(FirstStartStep.class),
					dataSource);
			instances[i] = CompletableFuture.runAsync(() -> {
				bothStarting.countDown();
				try {
					bothStarting.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				start.start();
			});
		}
		CompletableFuture.allOf(instances).get(60, TimeUnit.SECONDS);

		assertThat(runs).hasValue(2);
		assertThat(mostAtOnce).as("never two at once").hasValue(1);
	}

}
