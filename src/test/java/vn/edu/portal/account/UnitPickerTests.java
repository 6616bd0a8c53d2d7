package vn.edu.portal.account;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UnitPickerTests {

	@LocalServerPort
	int port;

	@Autowired
	UnitSelection selection;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTypeAheadFindsUnitsWithoutDiacriticsWithinTheScopeOnly() {
		PortalHttp officer = login(TestAccounts.DEPARTMENT_OFFICER);
		PortalHttp school = login(TestAccounts.SCHOOL_LEADER);
		PortalHttp district = login("pgd.giongtrom");

		assertThat(officer.get("/units/lookup?q=giong%20trom").body()).contains("\"code\":\"PGD-GTR\"",
				"\"name\":\"Phòng Giáo dục và Đào tạo huyện Giồng Trôm\"", "\"type\":\"Phòng GD&ĐT cấp huyện\"");
		assertThat(officer.get("/units/lookup?q=DINH%20CHIEU").body()).contains("THPT-NGUYENDINHCHIEU");
		assertThat(district.get("/units/lookup?q=phuoc%20long").body()).contains("GTR-THCS-PHUOCLONG");
		assertThat(district.get("/units/lookup?q=chuyen%20ben%20tre").body()).isEqualTo("[]");
		assertThat(school.get("/units/lookup?q=giong%20trom").body()).isEqualTo("[]");
		assertThat(school.get("/units/lookup?q=phuoc%20long").body()).contains("GTR-THCS-PHUOCLONG");
		assertThat(PortalHttp.location(new PortalHttp(this.port).get("/units/lookup?q=ben"))).isEqualTo("/login");
	}

	@Test
	void aSelectionResolvesToTheOpenUnitsItMeansWithinTheScope() {
		CurrentUser officer = this.users.loadUserByUsername(TestAccounts.DEPARTMENT_OFFICER);
		CurrentUser district = this.users.loadUserByUsername("pgd.giongtrom");
		long office = idOf("PGD-GTR");
		long chuyen = idOf("THPT-CHUYENBENTRE");
		long openBelowOffice = count("select count(*) from unit u, unit o where o.code = 'PGD-GTR' "
				+ "and u.path like o.path || '%' and u.valid_to is null");
		long upperSecondary = count("select count(*) from unit u, unit d where d.code = 'SGDDT-BT' "
				+ "and u.path like d.path || '%' and u.valid_to is null and u.type = 'UPPER_SECONDARY'");

		assertThat(this.selection.resolve(officer, List.of("SUBTREE:" + office))).hasSize((int) openBelowOffice)
			.contains(office);
		assertThat(this.selection.resolve(officer, List.of("TYPE:UPPER_SECONDARY"))).hasSize((int) upperSecondary);
		assertThat(this.selection.resolve(officer, List.of("UNIT:" + chuyen, "UNIT:" + chuyen, "SUBTREE:" + chuyen)))
			.containsExactly(chuyen);
		assertThat(this.selection.resolve(district, List.of("UNIT:" + chuyen, "TYPE:UPPER_SECONDARY")))
			.as("nothing outside the scope")
			.isEmpty();
		assertThat(this.selection.resolve(officer, List.of("UNIT:" + idOf("GDNN-GDTX-TPBT"), "UNIT:abc", "HACK:1")))
			.as("closed units and nonsense select nothing")
			.isEmpty();
		assertThat(this.selection.describe(officer, List.of("SUBTREE:" + office, "TYPE:PRIMARY")))
			.extracting(UnitSelection.Choice::unitName, UnitSelection.Choice::type)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Phòng Giáo dục và Đào tạo huyện Giồng Trôm", null),
					org.assertj.core.groups.Tuple.tuple(null, "PRIMARY"));
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestAccounts.DEMO_PASSWORD);
		return http;
	}

	private long idOf(String code) {
		return this.jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
