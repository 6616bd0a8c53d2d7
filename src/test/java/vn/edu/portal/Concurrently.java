package vn.edu.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The same request sent several times at the same moment, as a double tap does. */
public final class Concurrently {

	/** How long all of them may take together. */
	private static final long TIMEOUT_SECONDS = 60;

	private Concurrently() {
	}

	/**
	 * Runs the call on as many threads, released together, and answers each result in
	 * order; fails if one throws or they do not all end within a minute.
	 */
	public static <T> List<T> times(int count, Callable<T> call)
			throws InterruptedException, ExecutionException, TimeoutException {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(threads.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
