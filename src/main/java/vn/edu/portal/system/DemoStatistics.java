package vn.edu.portal.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The last step of the first start with the demo: the planner's statistics of the tables
 * the demo has just filled are made at once, not when autovacuum comes to them (never,
 * where it is off). Without them PostgreSQL plans the dashboard's statements for empty
 * tables, and a page costs twice what it should until then. It runs while the assignments
 * have never been analysed, so once.
 */
@Component
@Order(90)
class DemoStatistics implements FirstStartStep {

	private static final Logger log = LoggerFactory.getLogger(DemoStatistics.class);

	private final DemoProperties demo;

	private final JdbcClient jdbc;

	DemoStatistics(DemoProperties demo, JdbcClient jdbc) {
		this.demo = demo;
		this.jdbc = jdbc;
	}

	@Override
	public void run() {
		if (!this.demo.data() || !neverAnalysed()) {
			return;
		}
		long began = System.nanoTime();
		this.jdbc.sql("analyze").update();
		log.info("Demo data: planner statistics made in {} ms", (System.nanoTime() - began) / 1_000_000);
	}

	private boolean neverAnalysed() {
		return this.jdbc.sql("""
				select coalesce(bool_and(last_analyze is null and last_autoanalyze is null), false)
				from pg_stat_user_tables where relname = 'assignment'
				""").query(Boolean.class).single();
	}

}
