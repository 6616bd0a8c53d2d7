package vn.edu.portal.account;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccountImportTests {

	static final String HEADER = "username,full_name,email,phone,unit_code,roles";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveThousandAccountsImportWithTemporaryPasswordsShownOnceAndASecondImportChangesNothing() {
		String prefix = "i" + UUID.randomUUID().toString().substring(0, 6);
		List<String> schools = this.jdbc
			.sql("select code from unit where type in ('PRIMARY', 'LOWER_SECONDARY', 'KINDERGARTEN') "
					+ "and valid_to is null order by code")
			.query(String.class)
			.list();
		List<String> lines = new ArrayList<>(List.of(HEADER));
		for (int i = 1; i <= 5000; i++) {
			lines.add(prefix + ".gv" + i + ",Nguyễn Thị Giáo Viên " + i + "," + prefix + i + "@bentre.edu.vn,0912 "
					+ String.format("%06d", i) + "," + schools.get(i % schools.size()) + ","
					+ ((i % 10 == 0) ? "UNIT_LEADER" : "UNIT_STAFF"));
		}
		byte[] file = csv(lines);
		PortalHttp admin = admin();

		String page = upload(admin, "giao-vien.csv", file).body();

		assertThat(page)
			.contains("Đã nhập xong: 5.000 tài khoản mới, 0 tài khoản được cập nhật, 0 tài khoản không thay đổi.");
		assertThat(count("select count(*) from account where username like ? and must_change_password", prefix + "%"))
			.isEqualTo(5000);
		assertThat(count("select count(*) from account_role r join account a on a.id = r.account_id "
				+ "where a.username like ? and r.role = 'UNIT_LEADER'", prefix + "%"))
			.isEqualTo(500);
		String password = temporaryPasswordOf(page, prefix + ".gv7");
		HttpResponse<byte[]> list = admin.download("/admin/users/import/passwords.csv");
		assertThat(list.statusCode()).as("a GET changes nothing").isIn(404, 405);
		String token = page.replaceAll("(?s).*name=\"token\" value=\"([0-9a-f]+)\".*", "$1");
		assertThat(admin.post("/admin/users/import/passwords.csv", Map.of("token", "0" + token)).statusCode())
			.as("a wrong token")
			.isEqualTo(404);
		HttpResponse<String> download = admin.post("/admin/users/import/passwords.csv", Map.of("token", token));
		assertThat(download.body()).startsWith("\uFEFFusername,full_name,temporary_password")
			.contains(prefix + ".gv7,Nguyễn Thị Giáo Viên 7," + password);
		assertThat(this.jdbc
			.sql("select count(*) from spring_session_attributes where encode(attribute_bytes, 'escape') " + "like ?")
			.param("%" + password + "%")
			.query(Long.class)
			.single()).as("temporary passwords never reach the session store").isZero();
		assertThat(admin.post("/admin/users/import/passwords.csv", Map.of("token", token)).statusCode()).as("only once")
			.isEqualTo(404);

		PortalHttp teacher = new PortalHttp(this.port);
		assertThat(PortalHttp.location(teacher.login(prefix + ".gv7", password))).isEqualTo("/");
		assertThat(PortalHttp.location(teacher.get("/"))).isEqualTo("/account/password");

		String again = upload(admin, "giao-vien.csv", file).body();
		assertThat(again).contains("0 tài khoản mới, 0 tài khoản được cập nhật, 5.000 tài khoản không thay đổi.");
	}

	@Test
	void everyBadRowIsReportedAndNothingIsWritten() {
		String p = "e" + UUID.randomUUID().toString().substring(0, 6);
		List<String> lines = List.of(HEADER, p + ".ok,Người Đúng,,,THPT-CHUYENBENTRE,UNIT_STAFF",
				"có dấu,Người A,,,THPT-CHUYENBENTRE,UNIT_STAFF", p + ".ok,Trùng,,,THPT-CHUYENBENTRE,UNIT_STAFF",
				p + ".b,,,,THPT-CHUYENBENTRE,UNIT_STAFF", p + ".c,Người C,thu@,,THPT-CHUYENBENTRE,UNIT_STAFF",
				p + ".d,Người D,,số điện thoại,THPT-CHUYENBENTRE,UNIT_STAFF", p + ".e,Người E,,,KHONG-CO,UNIT_STAFF",
				p + ".f,Người F,,,GDNN-GDTX-TPBT,UNIT_STAFF", p + ".g,Người G,,,THPT-CHUYENBENTRE,HIEU_TRUONG",
				p + ".h,Người H,,,THPT-CHUYENBENTRE,DEPARTMENT_LEADER", p + ".i,Người I,,,THPT-CHUYENBENTRE,",
				p + ".j,Người J,,,,UNIT_LEADER");
		PortalHttp admin = admin();

		String page = upload(admin, "loi.csv", csv(lines)).body();

		assertThat(page).contains("Tệp loi.csv có 11 lỗi; chưa có gì được ghi.");
		assertThat(problems(page)).containsExactly(
				"3|username|Tên đăng nhập dài 3 đến 64 ký tự, chỉ gồm chữ cái không dấu, chữ số và các dấu . _ -",
				"4|username|Trùng với dòng 2 trong cùng tệp.", "5|full_name|Thiếu giá trị bắt buộc.",
				"6|email|Địa chỉ e-mail không hợp lệ.",
				"7|phone|Số điện thoại chỉ gồm chữ số, khoảng trắng và các dấu + ( ) . -",
				"8|unit_code|Không tìm thấy đơn vị “KHONG-CO” trong phạm vi quản lý của bạn.",
				"9|unit_code|Đơn vị “GDNN-GDTX-TPBT” đã đóng.", "10|roles|Vai trò không hợp lệ: “HIEU_TRUONG”.",
				"11|roles|Vai trò của Sở chỉ dành cho tài khoản thuộc Sở hoặc các phòng của Sở.",
				"12|roles|Thiếu giá trị bắt buộc.", "13|unit_code|Thiếu giá trị bắt buộc.");
		assertThat(count("select count(*) from account where username like ?", p + "%")).isZero();
	}

	@Test
	void anExportReimportsUnchanged() {
		PortalHttp admin = admin();
		HttpResponse<byte[]> export = admin.download("/admin/users/export.csv");
		String text = new String(export.body(), StandardCharsets.UTF_8);
		assertThat(text).contains("sgd.lanhdao,Nguyễn Văn Hùng,,,SGDDT-BT,DEPARTMENT_LEADER").doesNotContain("argon2");

		String page = upload(admin, "tai-khoan.csv", export.body()).body();

		assertThat(page).contains("Đã nhập xong: 0 tài khoản mới, 0 tài khoản được cập nhật");
	}

	@Test
	void onlySystemAdministratorsImportAccounts() {
		PortalHttp leader = new PortalHttp(this.port);
		leader.login(TestAccounts.SCHOOL_LEADER, TestAccounts.DEMO_PASSWORD);
		assertThat(leader.get("/admin/users/import").statusCode()).isEqualTo(403);
		assertThat(leader.download("/admin/users/export.csv").statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> upload(PortalHttp admin, String name, byte[] content) {
		admin.get("/admin/users/import");
		return admin.upload("/admin/users/import", name, content);
	}

	private PortalHttp admin() {
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		return admin;
	}

	private long count(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(Long.class).single();
	}

	private static byte[] csv(List<String> lines) {
		return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	private static String temporaryPasswordOf(String page, String username) {
		Matcher matcher = Pattern
			.compile("<td>" + Pattern.quote(username) + "</td>\\s*<td>[^<]*</td>\\s*<td><code>([^<]+)</code>")
			.matcher(page);
		assertThat(matcher.find()).as("the temporary password of " + username + " is on the page").isTrue();
		return matcher.group(1);
	}

	private static List<String> problems(String page) {
		List<String> rows = new ArrayList<>();
		Matcher matcher = Pattern
			.compile("<tr>\\s*<td>(\\d+)</td>\\s*<td><code>([^<]*)</code></td>\\s*<td>([^<]*)</td>")
			.matcher(page);
		while (matcher.find()) {
			rows.add(matcher.group(1) + "|" + matcher.group(2) + "|" + HtmlUtils.htmlUnescape(matcher.group(3)));
		}
		return rows;
	}

}
