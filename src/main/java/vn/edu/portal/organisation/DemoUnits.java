package vn.edu.portal.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.system.DemoProperties;

/**
 * Loads the demo province (Bến Tre: the Department, its divisions, 9 district offices and
 * their schools, with a merger in 2023 and a centre closed in 2022) once, into an empty
 * unit table.
 */
@Component
@Order(10)
class DemoUnits implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUnits.class);

	private static final String RESOURCE = "demo/units.csv";

	private final DemoProperties demo;

	private final JdbcTemplate jdbc;

	DemoUnits(DemoProperties demo, JdbcTemplate jdbc) {
		this.demo = demo;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		if (!this.demo.data()) {
			return;
		}
		// Two instances starting on an empty database take turns here.
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext('portal.first-start'))");
		if (this.jdbc.queryForObject("select exists (select 1 from unit)", Boolean.class)) {
			return;
		}
		List<List<String>> rows = read();
		List<List<String>> data = rows.subList(1, rows.size());
		this.jdbc.batchUpdate("""
				insert into unit (code, name, short_name, type, ownership, email, phone, valid_from, valid_to)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", data, 200, (ps, row) -> {
			ps.setString(1, row.get(0));
			ps.setString(2, row.get(1));
			ps.setString(3, emptyToNull(row.get(2)));
			ps.setString(4, row.get(3));
			ps.setString(5, emptyToNull(row.get(5)));
			ps.setString(6, emptyToNull(row.get(6)));
			ps.setString(7, emptyToNull(row.get(7)));
			ps.setDate(8, Date.valueOf(LocalDate.parse(row.get(8))));
			ps.setDate(9, row.get(9).isEmpty() ? null : Date.valueOf(LocalDate.parse(row.get(9))));
		});
		this.jdbc.batchUpdate("""
				update unit set parent_id = (select p.id from unit p where p.code = ?),
				    successor_id = (select s.id from unit s where s.code = ?)
				where code = ?
				""", data, 200, (ps, row) -> {
			ps.setString(1, emptyToNull(row.get(4)));
			ps.setString(2, emptyToNull(row.get(10)));
			ps.setString(3, row.get(0));
		});
		log.info("Demo data: loaded {} units of the Bến Tre demo province", data.size());
	}

	private static List<List<String>> read() throws IOException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			return CsvReader.read(reader);
		}
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
