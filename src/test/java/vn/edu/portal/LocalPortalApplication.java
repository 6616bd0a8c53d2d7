package vn.edu.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;

/**
 * The one-command local run ({@code ./mvnw spring-boot:test-run}). Without
 * {@code SPRING_DATASOURCE_URL} it starts an embedded PostgreSQL that keeps its data in
 * {@code ./data/} between runs and turns the demo data on. It lives with the tests so
 * that the production jar carries no PostgreSQL binaries.
 */
public final class LocalPortalApplication {

	private static final Path DATA = Path.of("data", "postgres");

	private LocalPortalApplication() {
	}

	public static void main(String[] args) throws IOException {
		if (isBlank(System.getenv("SPRING_DATASOURCE_URL")) && isBlank(System.getProperty("spring.datasource.url"))) {
			Files.createDirectories(DATA);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(DATA)
				.setCleanDataDirectory(false)
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					System.err.println("Could not stop the embedded PostgreSQL: " + ex.getMessage());
				}
			}));
			System.setProperty("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
			System.setProperty("spring.datasource.username", "postgres");
			System.setProperty("spring.datasource.password", "");
			if (isBlank(System.getenv("PORTAL_DEMO_DATA"))) {
				System.setProperty("portal.demo.data", "true");
			}
		}
		SpringApplication.run(PortalApplication.class, args);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
