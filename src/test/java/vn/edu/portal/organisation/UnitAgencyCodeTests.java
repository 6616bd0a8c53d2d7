package vn.edu.portal.organisation;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Electronic identifier codes (mã định danh điện tử) of units: edited by administrators,
 * imported and exported, searchable, unique among open units.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UnitAgencyCodeTests {

	private static final String HEADER = UnitFiles.HEADER + ",agency_code";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoDepartmentAndItsUnitsCarryCodesInTheOldThirteenCharacterPattern() {
		assertThat(agencyCodeOf("SGDDT-BT")).isEqualTo("000.00.12.H05");
		assertThat(this.jdbc.sql("""
				select count(*) from unit where code in ('PGD-GTR', 'SGDDT-BT-CTTT', 'SGDDT-BT')
				  and agency_code ~ '^[0-9]{3}\\.[0-9]{2}\\.12\\.H05$'
				""").query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void anAdministratorGivesAUnitItsCodeWhichItsPageShowsAndSearchFinds() {
		PortalHttp admin = admin();
		String code = uniqueCode();
		String agencyCode = uniqueAgencyCode();
		admin.get("/admin/units/new");
		Map<String, String> form = unitForm(code, "Trường Tiểu học Định Danh", agencyCode.toLowerCase() + " ");

		HttpResponse<String> created = admin.post("/admin/units", form);

		assertThat(PortalHttp.location(created)).startsWith("/admin/units/");
		assertThat(agencyCodeOf(code)).isEqualTo(agencyCode);
		assertThat(admin.get(PortalHttp.location(created)).body()).contains("Mã định danh điện tử",
				"value=\"" + agencyCode + "\"");
		assertThat(admin.get("/admin/units?q=" + agencyCode).body()).contains("Trường Tiểu học Định Danh", agencyCode);
		assertThat(this.jdbc
			.sql("select details -> 'after' ->> 'agencyCode' from audit_event "
					+ "where action = 'UNIT_CREATED' and object_id = ?")
			.param(String.valueOf(idOf(code)))
			.query(String.class)
			.single()).isEqualTo(agencyCode);
	}

	@Test
	void aBadOrTakenCodeIsExplainedBesideTheFieldKeepsWhatWasTypedAndSavesNothing() {
		PortalHttp admin = admin();
		admin.get("/admin/units/new");
		String first = uniqueCode();
		String agencyCode = uniqueAgencyCode();
		admin.post("/admin/units", unitForm(first, "Trường Có Mã", agencyCode));
		String second = uniqueCode();

		String bad = admin.post("/admin/units", unitForm(second, "Trường Đồng Khởi Sai", "000-00/H05")).body();
		String taken = admin.post("/admin/units", unitForm(second, "Trường Mã Trùng", agencyCode)).body();

		assertThat(bad).contains("Mã định danh điện tử chỉ gồm chữ số", "value=\"000-00/H05\"",
				"value=\"Trường Đồng Khởi Sai\"");
		assertThat(taken).contains("Mã định danh điện tử này đã thuộc về một đơn vị đang hoạt động khác.",
				"value=\"" + agencyCode + "\"");
		assertThat(this.jdbc.sql("select count(*) from unit where code = ?").param(second).query(Long.class).single())
			.isZero();
	}

	@Test
	void aClosedUnitsCodePassesToTheUnitThatReplacesIt() {
		PortalHttp admin = admin();
		admin.get("/admin/units/new");
		String old = uniqueCode();
		String agencyCode = uniqueAgencyCode();
		admin.post("/admin/units", unitForm(old, "Trường Cũ", agencyCode));
		long id = idOf(old);
		admin.post("/admin/units/" + id + "/close",
				Map.of("closedOn", "01/07/2025", "successorCode", "", "version", String.valueOf(version(id))));
		String replacement = uniqueCode();

		HttpResponse<String> created = admin.post("/admin/units", unitForm(replacement, "Trường Mới", agencyCode));

		assertThat(PortalHttp.location(created)).startsWith("/admin/units/");
		assertThat(agencyCodeOf(old)).isEqualTo(agencyCode);
		assertThat(agencyCodeOf(replacement)).isEqualTo(agencyCode);
	}

	@Test
	void theImportSetsCodesReportsBadAndTakenOnesAndAFileWithoutTheColumnKeepsThem() {
		PortalHttp admin = admin();
		String p = "AC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String a = uniqueAgencyCode();
		String b = uniqueAgencyCode();

		String refused = upload(admin, HEADER, p + "-A,Trường A,,PRIMARY,PGD-GTR,PUBLIC,,,2020-01-01," + a,
				p + "-B,Trường B,,PRIMARY,PGD-GTR,PUBLIC,,,2020-01-01,mã sai",
				p + "-C,Trường C,,PRIMARY,PGD-GTR,PUBLIC,,,2020-01-01," + a,
				p + "-D,Trường D,,PRIMARY,PGD-GTR,PUBLIC,,,2020-01-01,000.00.12.H05")
			.body();

		assertThat(refused).contains("có 3 lỗi; chưa có gì được ghi.",
				"Mã định danh điện tử chỉ gồm chữ số, chữ in hoa không dấu và dấu chấm",
				"Mã định danh điện tử này đã thuộc về một đơn vị đang hoạt động khác.");
		assertThat(
				this.jdbc.sql("select count(*) from unit where code like ?").param(p + "%").query(Long.class).single())
			.isZero();

		upload(admin, HEADER, p + "-A,Trường A,,PRIMARY,PGD-GTR,PUBLIC,,,2020-01-01," + a.toLowerCase(),
				p + "-B,Trường B,,PRIMARY,PGD-GTR,PUBLIC,,,2020-01-01," + b);
		assertThat(agencyCodeOf(p + "-A")).isEqualTo(a);
		assertThat(agencyCodeOf(p + "-B")).isEqualTo(b);

		upload(admin, UnitFiles.HEADER, p + "-A,Trường A đổi tên,,PRIMARY,PGD-GTR,PUBLIC,,,2020-01-01");
		assertThat(admin.get("/admin/units/import").body()).contains("0 đơn vị mới, 1 đơn vị được cập nhật");
		assertThat(agencyCodeOf(p + "-A")).isEqualTo(a);

		String export = new String(admin.download("/admin/units/export.csv").body(), StandardCharsets.UTF_8);
		assertThat(export.lines().findFirst()).get().asString().endsWith(",agency_code");
		assertThat(export).contains(p + "-B,Trường B,,PRIMARY,PGD-GTR,PUBLIC,,,2020-01-01," + b);
	}

	private HttpResponse<String> upload(PortalHttp admin, String... lines) {
		admin.get("/admin/units/import");
		return admin.upload("/admin/units/import", "ma-dinh-danh.csv", UnitFiles.csv(List.of(lines)));
	}

	private PortalHttp admin() {
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		return admin;
	}

	private static Map<String, String> unitForm(String code, String name, String agencyCode) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("name", name);
		form.put("shortName", "");
		form.put("type", "PRIMARY");
		form.put("ownership", "PUBLIC");
		form.put("parentCode", "PGD-GTR");
		form.put("email", "");
		form.put("phone", "");
		form.put("validFrom", "01/09/2015");
		form.put("agencyCode", agencyCode);
		return form;
	}

	private static String uniqueCode() {
		return "AC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	/** A code in the long pattern of Decision 20/2020, never one of the demo's. */
	static String uniqueAgencyCode() {
		String digits = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
		return "G99." + digits.substring(0, 4) + "." + digits.substring(4, 10);
	}

	private String agencyCodeOf(String code) {
		return this.jdbc.sql("select agency_code from unit where code = ?").param(code).query(String.class).single();
	}

	private long idOf(String code) {
		return this.jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).single();
	}

	private long version(long id) {
		return this.jdbc.sql("select version from unit where id = ?").param(id).query(Long.class).single();
	}

}
