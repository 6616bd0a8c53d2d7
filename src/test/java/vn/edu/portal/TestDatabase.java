package vn.edu.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests run against, found in this order:
 * {@code SPRING_DATASOURCE_URL} if set; else Testcontainers' PostgreSQL if a Docker
 * engine answers; else an embedded PostgreSQL. Started once per test run; every run
 * starts from an empty schema.
 */
public final class TestDatabase {

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

	private static Map<String, String> start() {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url != null && !url.isBlank()) {
			String username = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "");
			String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
			emptySchema(url, username, password);
			return Map.of();
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

	/**
	 * A database given from outside may hold an earlier run: the run starts from an empty
	 * schema.
	 */
	private static void emptySchema(String url, String username, String password) {
		Flyway.configure().dataSource(url, username, password).cleanDisabled(false).load().clean();
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
