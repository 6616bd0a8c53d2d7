package vn.edu.portal.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.system.DemoProperties;
import vn.edu.portal.system.FirstStartStep;
import vn.edu.portal.system.TabularFile;

/**
 * Loads the demo province (Bến Tre: the Department, its divisions, 9 district offices and
 * their schools, with a merger in 2023 and a centre closed in 2022) once, into an empty
 * unit table, each with a plausible electronic identifier code in the 13-character
 * pattern of QCVN 102:2016 (illustrative, not the province's registered codes).
 */
@Component
@Order(10)
class DemoUnits implements FirstStartStep {

	private static final Logger log = LoggerFactory.getLogger(DemoUnits.class);

	private static final String RESOURCE = "demo/units.csv";

	private static final List<String> COLUMNS = List.of("code", "name", "short_name", "type", "parent_code",
			"ownership", "email", "phone", "valid_from", "valid_to", "successor_code", "agency_code");

	private final DemoProperties demo;

	private final JdbcTemplate jdbc;

	DemoUnits(DemoProperties demo, JdbcTemplate jdbc) {
		this.demo = demo;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run() {
		if (!this.demo.data()) {
			return;
		}
		// Two instances starting on an empty database take turns here.
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext('portal.first-start'))");
		if (this.jdbc.queryForObject("select exists (select 1 from unit)", Boolean.class)) {
			return;
		}
		List<Map<String, String>> data;
		try {
			data = read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The demo province cannot be read", ex);
		}
		this.jdbc.batchUpdate(
				"""
						insert into unit (code, name, short_name, type, ownership, email, phone, valid_from, valid_to, agency_code)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""",
				data, 200, (ps, row) -> {
					ps.setString(1, row.get("code"));
					ps.setString(2, row.get("name"));
					ps.setString(3, emptyToNull(row.get("short_name")));
					ps.setString(4, row.get("type"));
					ps.setString(5, emptyToNull(row.get("ownership")));
					ps.setString(6, emptyToNull(row.get("email")));
					ps.setString(7, emptyToNull(row.get("phone")));
					ps.setDate(8, Date.valueOf(LocalDate.parse(row.get("valid_from"))));
					ps.setDate(9,
							row.get("valid_to").isEmpty() ? null : Date.valueOf(LocalDate.parse(row.get("valid_to"))));
					ps.setString(10, emptyToNull(row.get("agency_code")));
				});
		this.jdbc.batchUpdate("""
				update unit set parent_id = (select p.id from unit p where p.code = ?),
				    successor_id = (select s.id from unit s where s.code = ?)
				where code = ?
				""", data, 200, (ps, row) -> {
			ps.setString(1, emptyToNull(row.get("parent_code")));
			ps.setString(2, emptyToNull(row.get("successor_code")));
			ps.setString(3, row.get("code"));
		});
		log.info("Demo data: loaded {} units of the Bến Tre demo province", data.size());
	}

	/**
	 * The demo province, as a table with its history columns (valid_to, successor_code).
	 */
	static List<Map<String, String>> read() throws IOException {
		ClassPathResource resource = new ClassPathResource(RESOURCE);
		try (InputStream content = resource.getInputStream()) {
			return TabularFile.read(RESOURCE, content, resource.contentLength(), COLUMNS)
				.rows()
				.stream()
				.map(TabularFile.Row::values)
				.toList();
		}
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
