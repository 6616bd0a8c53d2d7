package vn.edu.portal.organisation;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
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

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UnitAdminTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTreeShowsTheProvinceWithCountsPerTypeAndItsHistory() {
		// Other tests add departments of their own beside the demo province: count within
		// it.
		long province = this.jdbc.sql("select id from unit where code = 'SGDDT-BT'").query(Long.class).single();
		String page = admin().get("/admin/units?root=" + province).body();

		assertThat(page).contains("Sở Giáo dục và Đào tạo Bến Tre", "Phòng Giáo dục và Đào tạo huyện Giồng Trôm",
				"Trường THPT chuyên Bến Tre", "Số đơn vị đang hoạt động theo loại", "THPT</span>: <strong>24</strong>");
		assertThat(page).containsPattern("đã sáp nhập ngày 01/08/2023 vào|đã sáp nhập ngày 31/07/2023 vào");
		assertThat(page).contains("đã đóng từ ngày 31/12/2022");
	}

	@Test
	void searchIgnoresCaseAndDiacritics() {
		PortalHttp admin = admin();

		assertThat(admin.get("/admin/units?q=giong+trom").body())
			.contains("Phòng Giáo dục và Đào tạo huyện Giồng Trôm", "Trung tâm Giáo dục nghề nghiệp")
			.doesNotContain("Trường THCS Phước Long");
		assertThat(admin.get("/admin/units?q=phuoc+long").body()).contains("Trường THCS Phước Long");
		assertThat(admin.get("/admin/units?q=nguyen+dinh+chieu").body()).contains("Trường THPT Nguyễn Đình Chiểu");
		assertThat(admin.get("/admin/units?q=D%C3%8CNH+CHI%E1%BB%82U").body())
			.contains("Trường THPT Nguyễn Đình Chiểu");
		assertThat(admin.get("/admin/units?q=xyz-nothing").body()).contains("Không có đơn vị nào khớp.");
	}

	@Test
	void anAdministratorCreatesAUnitUnderAParent() {
		PortalHttp admin = admin();
		admin.get("/admin/units/new");
		String code = uniqueCode();

		HttpResponse<String> created = admin.post("/admin/units",
				unitForm(code, "Trường Tiểu học Thử Nghiệm", "PRIMARY", "PGD-GTR"));

		assertThat(PortalHttp.location(created)).startsWith("/admin/units/");
		assertThat(admin.get(PortalHttp.location(created)).body()).contains("Đã thêm đơn vị.",
				"Trường Tiểu học Thử Nghiệm");
		assertThat(pathOf(code)).isEqualTo(pathOf("PGD-GTR") + idOf(code) + "/");
		assertThat(this.jdbc
			.sql("select details -> 'after' ->> 'name' from audit_event "
					+ "where action = 'UNIT_CREATED' and object_id = ?")
			.param(String.valueOf(idOf(code)))
			.query(String.class)
			.single()).isEqualTo("Trường Tiểu học Thử Nghiệm");
	}

	@Test
	void badInputIsExplainedBesideEachFieldKeepsWhatWasTypedAndSavesNothing() {
		PortalHttp admin = admin();
		admin.get("/admin/units/new");
		long before = unitCount();

		Map<String, String> form = unitForm("bad code!", "", "PRIMARY", "NO-SUCH-PARENT");
		form.put("email", "not-an-email");
		form.put("validFrom", "31/02/2024");
		String page = admin.post("/admin/units", form).body();

		assertThat(page).contains("Mã chỉ gồm chữ cái không dấu", "Vui lòng nhập trường này.",
				"Địa chỉ e-mail không hợp lệ.", "Ngày không hợp lệ", "value=\"bad code!\"", "value=\"not-an-email\"",
				"value=\"31/02/2024\"", "value=\"NO-SUCH-PARENT\"");
		String unknownParent = admin.post("/admin/units", unitForm(uniqueCode(), "Trường X", "PRIMARY", "NO-SUCH"))
			.body();
		assertThat(unknownParent).contains("Không tìm thấy đơn vị cấp trên có mã này.", "value=\"Trường X\"");
		assertThat(admin.post("/admin/units", unitForm("PGD-GTR", "Trùng mã", "PRIMARY", "")).body())
			.contains("Mã này đã được dùng cho một đơn vị khác.");
		assertThat(unitCount()).isEqualTo(before);
	}

	@Test
	void movingAUnitMovesItsSubtreeAndACycleIsRefused() {
		PortalHttp admin = admin();
		admin.get("/admin/units/new");
		String office = uniqueCode();
		String school = uniqueCode();
		admin.post("/admin/units", unitForm(office, "Phòng Thử", "DISTRICT_OFFICE", "SGDDT-BT"));
		admin.post("/admin/units", unitForm(school, "Trường Thử", "PRIMARY", office));

		admin.get("/admin/units/" + idOf(office));
		HttpResponse<String> cycle = admin.post("/admin/units/" + idOf(office), edit(office, school));
		assertThat(cycle.body()).contains("Không thể chuyển một đơn vị vào dưới chính nó");

		admin.get("/admin/units/" + idOf(office));
		HttpResponse<String> moved = admin.post("/admin/units/" + idOf(office), edit(office, "PGD-GTR"));
		assertThat(PortalHttp.location(moved)).isEqualTo("/admin/units/" + idOf(office));
		assertThat(pathOf(school)).isEqualTo(pathOf("PGD-GTR") + idOf(office) + "/" + idOf(school) + "/");
	}

	@Test
	void aUnitWithOpenWorkClosesOnlyIntoASuccessorWhichTakesItsUnits() {
		PortalHttp admin = admin();
		admin.get("/admin/units/new");
		String office = uniqueCode();
		String school = uniqueCode();
		String successor = uniqueCode();
		admin.post("/admin/units", unitForm(office, "Phòng Sắp Đóng", "DISTRICT_OFFICE", "SGDDT-BT"));
		admin.post("/admin/units", unitForm(school, "Trường Còn Mở", "PRIMARY", office));
		admin.post("/admin/units", unitForm(successor, "Phòng Kế Thừa", "COMMUNE_OFFICE", "SGDDT-BT"));
		long id = idOf(office);
		admin.get("/admin/units/" + id);

		String refused = admin.post("/admin/units/" + id + "/close", close("01/07/2025", "", version(id))).body();
		assertThat(refused).contains("Đơn vị còn công việc đang mở", "1 đơn vị trực thuộc đang hoạt động");
		assertThat(this.jdbc.sql("select valid_to from unit where id = ?").param(id).query(String.class).optional())
			.isEmpty();

		HttpResponse<String> merged = admin.post("/admin/units/" + id + "/close",
				close("30/06/2025", successor, version(id)));

		assertThat(PortalHttp.location(merged)).isEqualTo("/admin/units/" + id);
		assertThat(admin.get("/admin/units/" + id).body()).contains("đã sáp nhập ngày 30/06/2025 vào Phòng Kế Thừa");
		assertThat(pathOf(school)).isEqualTo(pathOf(successor) + idOf(school) + "/");
		assertThat(admin.get("/admin/units/" + idOf(successor)).body()).contains("Phòng Sắp Đóng");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'UNIT_MERGED' and object_id = ?")
			.param(String.valueOf(id))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aStaleEditIsAConflictNotALostUpdate() {
		PortalHttp admin = admin();
		admin.get("/admin/units/new");
		String code = uniqueCode();
		admin.post("/admin/units", unitForm(code, "Trường Hai Người Sửa", "PRIMARY", "PGD-GTR"));
		long id = idOf(code);
		admin.get("/admin/units/" + id);
		Map<String, String> first = edit(code, "PGD-GTR");
		first.put("name", "Tên của người thứ nhất");
		Map<String, String> second = edit(code, "PGD-GTR");
		second.put("name", "Tên của người thứ hai");

		admin.post("/admin/units/" + id, first);
		HttpResponse<String> conflict = admin.post("/admin/units/" + id, second);

		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.body()).contains("Dữ liệu đã bị thay đổi");
		assertThat(this.jdbc.sql("select name from unit where id = ?").param(id).query(String.class).single())
			.isEqualTo("Tên của người thứ nhất");
	}

	@Test
	void onlySystemAdministratorsManageUnits() {
		for (String username : new String[] { TestAccounts.DEPARTMENT_LEADER, TestAccounts.SCHOOL_LEADER }) {
			PortalHttp http = new PortalHttp(this.port);
			http.login(username, TestAccounts.DEMO_PASSWORD);
			assertThat(http.get("/admin/units").statusCode()).isEqualTo(403);
			assertThat(http.get("/admin/units/" + idOf("PGD-GTR")).statusCode()).isEqualTo(403);
			assertThat(http.post("/admin/units", unitForm(uniqueCode(), "X", "PRIMARY", "")).statusCode())
				.isEqualTo(403);
		}
		assertThat(admin().get("/admin/units/999999999").statusCode()).isEqualTo(404);
	}

	@Test
	void anAdministratorOfAnotherProvinceNeitherSeesNorChangesThisOne() {
		PortalHttp admin = admin();
		admin.get("/admin/units/new");
		String province = "VL-" + uniqueCode();
		admin.post("/admin/units", unitForm(province, "Sở Giáo dục và Đào tạo Vĩnh Long", "DEPARTMENT", ""));
		String username = "t.admin." + UUID.randomUUID().toString().substring(0, 6);
		try {
			PortalHttp other = scopedAdministrator(admin, province, username);
			long bentre = idOf("SGDDT-BT");

			assertThat(other.get("/admin/units/" + idOf("PGD-GTR")).statusCode()).isEqualTo(404);
			assertThat(other.get("/admin/units?root=" + bentre).statusCode()).isEqualTo(404);
			assertThat(other.get("/admin/units").body()).contains("Sở Giáo dục và Đào tạo Vĩnh Long")
				.doesNotContain("Bến Tre");
			assertThat(other.get("/admin/units?q=giong+trom").body()).contains("Tìm thấy 0 đơn vị");
			assertThat(new String(other.download("/admin/units/export.csv").body(),
					java.nio.charset.StandardCharsets.UTF_8))
				.contains(province)
				.doesNotContain("SGDDT-BT");
			other.get("/admin/units/new");
			assertThat(other.post("/admin/units", unitForm(uniqueCode(), "Trường X", "PRIMARY", "PGD-GTR")).body())
				.contains("Không tìm thấy đơn vị cấp trên có mã này.");
			assertThat(other.post("/admin/units", unitForm(uniqueCode(), "Trường X", "PRIMARY", "")).body())
				.contains("Hãy nhập mã đơn vị cấp trên");
			other.get("/admin/units/import");
			String imported = other
				.upload("/admin/units/import", "x.csv", UnitFiles.csv(java.util.List.of(UnitFiles.HEADER,
						"THPT-CHUYENBENTRE,Trường bị chiếm,,UPPER_SECONDARY," + province + ",PUBLIC,,,2010-01-01")))
				.body();
			assertThat(imported).contains("Mã này thuộc một đơn vị ngoài phạm vi quản lý của bạn.");
			assertThat(pathOf("THPT-CHUYENBENTRE")).startsWith(pathOf("SGDDT-BT"));
		}
		finally {
			// Other tests count the system administrators left enabled.
			this.jdbc.sql("update account set enabled = false where username = ?").param(username).update();
		}
	}

	@Test
	void aUnitKeepsATypeThatAdmitsTheRolesOfItsAccounts() {
		PortalHttp admin = admin();
		admin.get("/admin/units/new");
		String division = uniqueCode();
		admin.post("/admin/units", unitForm(division, "Phòng Thử của Sở", "DEPARTMENT_DIVISION", "SGDDT-BT"));
		admin.get("/admin/users/new");
		Map<String, String> account = new LinkedHashMap<>();
		account.put("username", "t.officer." + UUID.randomUUID().toString().substring(0, 6));
		account.put("fullName", "Chuyên viên Thử");
		account.put("email", "");
		account.put("phone", "");
		account.put("unitCode", division);
		account.put("roles", "DEPARTMENT_OFFICER");
		assertThat(admin.post("/admin/users", account).body()).contains("Đã tạo tài khoản.");

		admin.get("/admin/units/" + idOf(division));
		Map<String, String> form = edit(division, "SGDDT-BT");
		form.put("type", "OTHER");
		assertThat(admin.post("/admin/units/" + idOf(division), form).body())
			.contains("Đơn vị còn tài khoản giữ vai trò của Sở");
		admin.get("/admin/units/import");
		assertThat(admin.upload("/admin/units/import", "loai.csv",
				UnitFiles.csv(java.util.List.of(UnitFiles.HEADER,
						division + ",Phòng Thử của Sở,,OTHER,SGDDT-BT,,,,2015-09-01")))
			.body()).contains("Đơn vị còn tài khoản giữ vai trò của Sở");
		assertThat(this.jdbc.sql("select type from unit where code = ?").param(division).query(String.class).single())
			.isEqualTo("DEPARTMENT_DIVISION");
	}

	/** Creates a system administrator of the given department and signs in as it. */
	private PortalHttp scopedAdministrator(PortalHttp admin, String departmentCode, String username) {
		admin.get("/admin/users/new");
		Map<String, String> account = new LinkedHashMap<>();
		account.put("username", username);
		account.put("fullName", "Quản trị Vĩnh Long");
		account.put("email", "");
		account.put("phone", "");
		account.put("unitCode", departmentCode);
		account.put("roles", "SYSTEM_ADMIN");
		String page = admin.post("/admin/users", account).body();
		String temporary = page.replaceAll("(?s).*<code class=\"fs-5 user-select-all\">([^<]+)</code>.*", "$1");
		PortalHttp other = new PortalHttp(this.port);
		other.login(username, temporary);
		other.get("/account/password");
		other.post("/account/password", Map.of("currentPassword", temporary, "newPassword", "Quan-tri-Vinh-Long-2026",
				"confirmation", "Quan-tri-Vinh-Long-2026"));
		assertThat(other.get("/").statusCode()).isEqualTo(200);
		return other;
	}

	private PortalHttp admin() {
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		return admin;
	}

	private Map<String, String> edit(String code, String parentCode) {
		long id = idOf(code);
		Map<String, String> form = this.jdbc
			.sql("select code, name, coalesce(short_name, '') as short_name, type, version from unit where id = ?")
			.param(id)
			.query((rs, i) -> unitForm(rs.getString("code"), rs.getString("name"), rs.getString("type"), parentCode))
			.single();
		form.put("version", String.valueOf(version(id)));
		return form;
	}

	private static Map<String, String> unitForm(String code, String name, String type, String parentCode) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("name", name);
		form.put("shortName", "");
		form.put("type", type);
		form.put("ownership", "PUBLIC");
		form.put("parentCode", parentCode);
		form.put("email", "");
		form.put("phone", "0275 3822 000");
		form.put("validFrom", "01/09/2015");
		return form;
	}

	private static Map<String, String> close(String on, String successor, long version) {
		return Map.of("closedOn", on, "successorCode", successor, "version", String.valueOf(version));
	}

	private static String uniqueCode() {
		return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private long idOf(String code) {
		return this.jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).single();
	}

	private long version(long id) {
		return this.jdbc.sql("select version from unit where id = ?").param(id).query(Long.class).single();
	}

	private String pathOf(String code) {
		return this.jdbc.sql("select path from unit where code = ?").param(code).query(String.class).single();
	}

	private long unitCount() {
		return this.jdbc.sql("select count(*) from unit").query(Long.class).single();
	}

}
