package vn.edu.portal;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database in use upgrades: the migrations that change tables already holding rows run
 * on a database that holds them, not only on the empty one every other test starts from.
 */
class UpgradeMigrationTests {

	/**
	 * V69 writes each incident's Department into a new column and makes it required: on a
	 * database with incidents its update queued the dashboard's deferred triggers (V68),
	 * and PostgreSQL refused to alter the table in the same transaction ("pending trigger
	 * events"), so that a portal in use could not start again after the upgrade.
	 */
	@Test
	void incidentsReportedBeforeTheirDepartmentWasKeptGetItWhenTheDatabaseUpgrades() {
		Map<String, String> database = TestDatabase.emptyDatabase();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
		flyway(dataSource, "68").migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		long department = unit(jdbc, "SGD-NC", "DEPARTMENT", null);
		long office = unit(jdbc, "PGD-NC", "DISTRICT_OFFICE", department);
		long school = unit(jdbc, "THCS-NC", "LOWER_SECONDARY", office);
		long reporter = jdbc
			.sql("""
					insert into account (username, password_hash, full_name, unit_id) values ('nangcap', '{noop}x', 'Người thử', ?)
					returning id
					""")
			.param(school)
			.query(Long.class)
			.single();
		long incident = jdbc
			.sql("""
					insert into incident (form_key, unit_id, reporter_id, status, detected_at, platform, category, severity,
					                      summary, submitted_at, submitted_by, report_due_at, reported_late, triage_due_at,
					                      created_at, updated_at, updated_by)
					values (gen_random_uuid(), ?, ?, 'SUBMITTED', now() - interval '3 hours', 'FACEBOOK', 'BNTT', 2,
					        'Bài đăng trước khi nâng cấp', now(), ?, now() + interval '1 hour', false, now() + interval '2 days',
					        now(), now(), ?)
					returning id
					""")
			.params(school, reporter, reporter, reporter)
			.query(Long.class)
			.single();

		assertThat(flyway(dataSource, "latest").migrate().success).isTrue();

		assertThat(
				jdbc.sql("select department_id from incident where id = ?").param(incident).query(Long.class).single())
			.isEqualTo(department);
	}

	private static Flyway flyway(DriverManagerDataSource dataSource, String target) {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load();
	}

	private static long unit(JdbcClient jdbc, String code, String type, Long parent) {
		return jdbc.sql("""
				insert into unit (code, name, type, parent_id, valid_from) values (?, ?, ?, ?, date '2010-01-01')
				returning id
				""").params(code, "Đơn vị " + code, type, parent).query(Long.class).single();
	}

}
