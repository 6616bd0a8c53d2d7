package vn.edu.portal.organisation;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change of 1 July 2025, performed as an administrator would (the import and merge
 * pages) on a copy of the demo province: district offices closed, their kindergartens,
 * primary and lower-secondary schools moved under new commune offices, the Department
 * merged into another province's Department. What was recorded before keeps its units;
 * current views follow the successors.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class Reorganisation2025Tests {

	private static final List<String> LOCAL_SCHOOLS = List.of("KINDERGARTEN", "PRIMARY", "LOWER_SECONDARY");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theReorganisationOfJuly2025KeepsHistoryAndCurrentViewsFollowTheSuccessors() throws IOException {
		String p = "R" + UUID.randomUUID().toString().substring(0, 5).toUpperCase() + "-";
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		List<List<String>> demo = demoUnits();
		importFile(admin, copyOfDemo(p, demo));
		long office = idOf(p + "PGD-GTR");
		long department = idOf(p + "SGDDT-BT");
		long school = idOf(p + "GTR-THCS-PHUOCLONG");
		String accountName = createAccount(admin, p.toLowerCase() + "pgd", p + "PGD-GTR");
		long createdEvents = count("select count(*) from audit_event where object_type = 'UNIT' and object_id = ?",
				String.valueOf(office));

		// 1. The new structure: the merged province's Department and a commune office per
		// district.
		List<String> reorganised = new ArrayList<>(List.of(UnitFiles.HEADER,
				p + "SGDDT-VL,Sở Giáo dục và Đào tạo Vĩnh Long,Sở GD&ĐT Vĩnh Long,DEPARTMENT,,,,,2025-07-01"));
		for (List<String> unit : demo) {
			if (unit.get(3).equals("DISTRICT_OFFICE")) {
				reorganised.add(p + "XA-" + unit.get(0) + ",Phòng Văn hóa - Xã hội xã thuộc " + unit.get(2)
						+ ",,COMMUNE_OFFICE," + p + "SGDDT-VL,,,,2025-07-01");
			}
		}
		// 2. The local schools of each district office move under its commune office.
		for (List<String> unit : demo) {
			if (LOCAL_SCHOOLS.contains(unit.get(3)) && unit.get(4).startsWith("PGD-") && unit.get(9).isEmpty()) {
				reorganised.add(row(p, unit, p + "XA-" + unit.get(4)));
			}
		}
		importFile(admin, reorganised);

		// 3. Each district office closes into its commune office; 4. the Department into
		// Vĩnh Long's.
		for (List<String> unit : demo) {
			if (unit.get(3).equals("DISTRICT_OFFICE")) {
				close(admin, idOf(p + unit.get(0)), p + "XA-" + unit.get(0));
			}
		}
		close(admin, department, p + "SGDDT-VL");

		// What was recorded before still shows the units it went to.
		assertThat(admin.get("/admin/units/" + office).body()).contains("Phòng Giáo dục và Đào tạo huyện Giồng Trôm",
				"đã sáp nhập ngày 30/06/2025 vào Phòng Văn hóa - Xã hội xã");
		assertThat(admin.get("/admin/units/" + department).body())
			.contains("đã sáp nhập ngày 30/06/2025 vào Sở Giáo dục và Đào tạo Vĩnh Long");
		assertThat(count("select count(*) from audit_event where object_type = 'UNIT' and object_id = ?",
				String.valueOf(office)))
			.as("the old unit keeps its history")
			.isGreaterThan(createdEvents);
		assertThat(this.jdbc.sql("select name from unit where id = ?").param(office).query(String.class).single())
			.isEqualTo("Phòng Giáo dục và Đào tạo huyện Giồng Trôm");
		assertThat(admin.get("/admin/units/" + idOf(p + "XA-PGD-GTR")).body())
			.contains("Đơn vị đã sáp nhập vào đơn vị này", "Phòng Giáo dục và Đào tạo huyện Giồng Trôm");

		// Current-structure views follow the successors.
		String vinhLong = pathOf(p + "SGDDT-VL");
		assertThat(pathOf(p + "GTR-THCS-PHUOCLONG")).isEqualTo(pathOf(p + "XA-PGD-GTR") + school + "/")
			.startsWith(vinhLong);
		assertThat(count("select count(*) from unit where code like ? and valid_to is null and path not like ?",
				p + "%", vinhLong + "%"))
			.as("every open unit of the old province is now under Vĩnh Long")
			.isZero();
		assertThat(
				count("select count(*) from unit where code like ? and valid_to is null and type = 'DISTRICT_OFFICE'",
						p + "%", null))
			.isZero();
		assertThat(this.jdbc.sql("select u.code from account a join unit u on u.id = a.unit_id where a.username = ?")
			.param(accountName)
			.query(String.class)
			.single()).as("the district office's account followed it").isEqualTo(p + "XA-PGD-GTR");
		assertThat(admin.get("/admin/units?q=" + p + "GTR-THCS-PHUOCLONG").body()).contains("Trường THCS Phước Long");
	}

	private void importFile(PortalHttp admin, List<String> lines) {
		admin.get("/admin/units/import");
		HttpResponse<String> response = admin.upload("/admin/units/import", "sap-xep-2025.csv", UnitFiles.csv(lines));
		assertThat(PortalHttp.location(response)).as(response.body()).isEqualTo("/admin/units/import");
	}

	private void close(PortalHttp admin, long id, String successorCode) {
		admin.get("/admin/units/" + id);
		HttpResponse<String> response = admin.post("/admin/units/" + id + "/close", Map.of("closedOn", "30/06/2025",
				"successorCode", successorCode, "version", String.valueOf(version(id))));
		assertThat(PortalHttp.location(response)).as(response.body()).isEqualTo("/admin/units/" + id);
	}

	private String createAccount(PortalHttp admin, String username, String unitCode) {
		admin.get("/admin/users/new");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("fullName", "Trưởng phòng Thử");
		form.put("email", "");
		form.put("phone", "");
		form.put("unitCode", unitCode);
		form.put("roles", "UNIT_LEADER");
		HttpResponse<String> response = admin.post("/admin/users", form);
		assertThat(response.body()).contains("Đã tạo tài khoản.");
		return username;
	}

	/**
	 * The demo province with every code prefixed, open units only (its history is not
	 * imported).
	 */
	private static List<String> copyOfDemo(String prefix, List<List<String>> demo) {
		List<String> lines = new ArrayList<>(List.of(UnitFiles.HEADER));
		for (List<String> unit : demo) {
			if (unit.get(9).isEmpty()) {
				lines.add(row(prefix, unit, unit.get(4).isEmpty() ? "" : prefix + unit.get(4)));
			}
		}
		return lines;
	}

	private static String row(String prefix, List<String> unit, String parentCode) {
		return String.join(",", prefix + unit.get(0), quote(unit.get(1)), quote(unit.get(2)), unit.get(3), parentCode,
				unit.get(5), unit.get(6), unit.get(7), unit.get(8));
	}

	private static String quote(String value) {
		return value.contains(",") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static List<List<String>> demoUnits() throws IOException {
		List<String> columns = List.of("code", "name", "short_name", "type", "parent_code", "ownership", "email",
				"phone", "valid_from", "valid_to");
		return DemoUnits.read().stream().map((row) -> columns.stream().map(row::get).toList()).toList();
	}

	private long idOf(String code) {
		return this.jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).single();
	}

	private String pathOf(String code) {
		return this.jdbc.sql("select path from unit where code = ?").param(code).query(String.class).single();
	}

	private long version(long id) {
		return this.jdbc.sql("select version from unit where id = ?").param(id).query(Long.class).single();
	}

	private long count(String sql, Object... parameters) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		for (Object parameter : parameters) {
			if (parameter != null) {
				statement = statement.param(parameter);
			}
		}
		return statement.query(Long.class).single();
	}

}
