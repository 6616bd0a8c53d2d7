package vn.edu.portal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The round trips the server's request threads make to PostgreSQL, counted as PostgreSQL
 * sees them: every statement, the {@code BEGIN} the driver sends before the first
 * statement of a transaction, and every {@code COMMIT} or {@code ROLLBACK} of a
 * transaction that ran a statement. The pool's physical connections come through a
 * counting proxy (the pool itself stays Hikari's). Only request threads are counted, so
 * the scheduler's jobs do not blur a page's count; the pool's validation of a connection
 * idle for more than half a second is not a statement and is not counted.
 */
public final class RoundTrips {

	private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
			"executeLargeUpdate", "executeLargeBatch");

	private static final List<String> sent = new CopyOnWriteArrayList<>();

	private RoundTrips() {
	}

	/** What the request threads sent while the action ran, one entry per round trip. */
	public static <T> Counted<T> during(Supplier<T> action) {
		sent.clear();
		T result = action.get();
		return new Counted<>(result, new ArrayList<>(sent));
	}

	/**
	 * A result and the round trips it took.
	 *
	 * @param <T> the result's type
	 * @param result what the action answered
	 * @param statements the round trips, in order
	 */
	public record Counted<T>(T result, List<String> statements) {
	}

	private static void record(String statement) {
		if (Thread.currentThread().getName().contains("-exec-")) {
			sent.add(statement);
		}
	}

	/** Puts the counting proxy under the pool of the test's application context. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static BeanPostProcessor countingConnections() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) {
					if (bean instanceof HikariDataSource hikari && hikari.getDataSource() == null) {
						PGSimpleDataSource postgres = new PGSimpleDataSource();
						postgres.setUrl(hikari.getJdbcUrl());
						hikari.setDataSource(counting(postgres));
					}
					return bean;
				}
			};
		}

	}

	static DataSource counting(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					return (result instanceof Connection connection) ? counting(connection) : result;
				});
	}

	private static Connection counting(Connection target) {
		ConnectionState state = new ConnectionState();
		return (Connection) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					switch (method.getName()) {
						case "setAutoCommit" -> {
							boolean autoCommit = (Boolean) args[0];
							if (autoCommit && !state.autoCommit) {
								state.end("COMMIT");
							}
							state.autoCommit = autoCommit;
						}
						case "commit" -> state.end("COMMIT");
						case "rollback" -> state.end("ROLLBACK");
						default -> {
						}
					}
					Object result = invoke(target, method, args);
					if (result instanceof Statement statement) {
						String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : null;
						return counting(statement, sql, state);
					}
					return result;
				});
	}

	private static Statement counting(Statement target, String preparedSql, ConnectionState state) {
		List<Class<?>> interfaces = new ArrayList<>();
		for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
			for (Class<?> candidate : type.getInterfaces()) {
				if (Statement.class.isAssignableFrom(candidate) && !interfaces.contains(candidate)) {
					interfaces.add(candidate);
				}
			}
		}
		InvocationHandler handler = (proxy, method, args) -> {
			if (EXECUTE.contains(method.getName())) {
				state.statement((args != null && args.length > 0 && args[0] instanceof String sql) ? sql : preparedSql);
			}
			return invoke(target, method, args);
		};
		return (Statement) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(),
				interfaces.toArray(new Class<?>[0]), handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** What the driver of one connection sends around the statements. */
	private static final class ConnectionState {

		boolean autoCommit = true;

		boolean inTransaction;

		void statement(String sql) {
			if (!this.autoCommit && !this.inTransaction) {
				record("BEGIN");
				this.inTransaction = true;
			}
			record(String.valueOf(sql).strip());
		}

		void end(String command) {
			if (this.inTransaction) {
				record(command);
				this.inTransaction = false;
			}
		}

	}

}
