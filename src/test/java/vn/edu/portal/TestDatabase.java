package vn.edu.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests run against, found in this order: the server of
 * {@code SPRING_DATASOURCE_URL} if set; else Testcontainers' PostgreSQL if a Docker
 * engine answers; else an embedded PostgreSQL. Started once per test run. Every run
 * starts from an empty schema: on a given server the tests create a database of their own
 * next to the given one, and drop it at the end, so they never touch the given database's
 * data.
 */
public final class TestDatabase {

	private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

	private static volatile Map<String, String> properties;

	private TestDatabase() {
	}

	/** The Spring properties that point the application at the test database. */
	public static synchronized Map<String, String> properties() {
		if (properties == null) {
			properties = start();
		}
		return properties;
	}

	/**
	 * Another empty database on the server of the test database, dropped when the tests
	 * end: for a test of what a portal does on its first start.
	 */
	public static Map<String, String> emptyDatabase() {
		Map<String, String> test = properties();
		String username = test.get("spring.datasource.username");
		String password = test.get("spring.datasource.password");
		return datasource(freshDatabaseBeside(test.get("spring.datasource.url"), username, password), username,
				password);
	}

	private static Map<String, String> start() {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url != null && !url.isBlank()) {
			String username = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "");
			String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
			return datasource(freshDatabaseBeside(url, username, password), username, password);
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return datasource(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
			return datasource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	/** Creates an empty database on the given server, dropped when the tests end. */
	private static String freshDatabaseBeside(String url, String username, String password) {
		Matcher matcher = JDBC_URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalStateException("SPRING_DATASOURCE_URL is not a jdbc:postgresql://host/database URL");
		}
		String name = "portal_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(url, username, password, "create database " + name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(
					() -> execute(url, username, password, "drop database if exists " + name + " with (force)")));
		return matcher.group(1) + name + ((matcher.group(3) != null) ? matcher.group(3) : "");
	}

	private static void execute(String url, String username, String password, String statement) {
		try (Connection connection = DriverManager.getConnection(url, username, password);
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The tests create and drop a database of their own on the server of "
					+ "SPRING_DATASOURCE_URL, which needs the CREATEDB privilege: " + ex.getMessage(), ex);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Map<String, String> datasource(String url, String username, String password) {
		return Map.of("spring.datasource.url", url, "spring.datasource.username", username,
				"spring.datasource.password", password);
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// The JVM is stopping; the temporary data directory is removed either way.
		}
	}

}
