package vn.edu.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A portal started on an empty database has created its administrator and loaded the demo
 * before its web server accepts the first connection, so that nobody who opens the login
 * page can be told that a right password is wrong.
 */
class FirstStartTests {

	@Test
	void theAdministratorAndTheDemoAreThereWhenTheFirstRequestCanArrive() {
		Map<String, String> database = TestDatabase.emptyDatabase();
		Map<String, String> settings = new LinkedHashMap<>(database);
		settings.put("server.port", "0");
		settings.put("spring.main.banner-mode", "off");
		settings.put("portal.admin.password", TestAccounts.ADMIN_PASSWORD);
		settings.put("portal.demo.data", "true");
		settings.put("portal.demo.password", TestAccounts.DEMO_PASSWORD);
		FirstRequests firstRequests = new FirstRequests(database);

		// As arguments, which come before the environment's SPRING_DATASOURCE_URL.
		String[] arguments = settings.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);

		try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(PortalApplication.class)
			.listeners(firstRequests)
			.run(arguments)) {
			assertThat(firstRequests.seen).as("what the first requests found").isNotNull();
			assertThat(firstRequests.seen.adminLogin()).as("the administrator signs in").isEqualTo("/");
			assertThat(firstRequests.seen.demoLogin()).as("a demo account signs in").isEqualTo("/");
			assertThat(firstRequests.seen.demoIncidents()).as("the demo's last step is done").isPositive();
			assertThat(firstRequests.seen.assignmentsAnalysed())
				.as("the planner has the statistics of the demo's tables, autovacuum or not")
				.isEqualTo(1);
		}
	}

	@Test
	void noFirstStartWorkWaitsForTheWebServer() {
		noClasses().should()
			.implement(ApplicationRunner.class)
			.orShould()
			.implement(CommandLineRunner.class)
			.because("runners run once the web server answers: first-start work is a FirstStartStep")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackagesOf(PortalApplication.class));
	}

	/**
	 * Signs in at the moment the web server has started, before the application has
	 * finished starting.
	 */
	static final class FirstRequests implements ApplicationListener<WebServerInitializedEvent> {

		private final Map<String, String> database;

		private volatile Seen seen;

		FirstRequests(Map<String, String> database) {
			this.database = database;
		}

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			int port = event.getWebServer().getPort();
			String adminLogin = PortalHttp
				.location(new PortalHttp(port).login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD));
			String demoLogin = PortalHttp
				.location(new PortalHttp(port).login(TestAccounts.DEPARTMENT_LEADER, TestAccounts.DEMO_PASSWORD));
			this.seen = new Seen(adminLogin, demoLogin, count("select count(*) from incident"),
					count("select count(*) from pg_stat_user_tables where relname = 'assignment'"
							+ " and coalesce(last_analyze, last_autoanalyze) is not null"));
		}

		private long count(String sql) {
			try (Connection connection = DriverManager.getConnection(this.database.get("spring.datasource.url"),
					this.database.get("spring.datasource.username"), this.database.get("spring.datasource.password"));
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(sql)) {
				result.next();
				return result.getLong(1);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	record Seen(String adminLogin, String demoLogin, long demoIncidents, long assignmentsAnalysed) {
	}

}
