package vn.edu.portal.organisation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
class UnitImportTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGeneratedProvinceOf1500UnitsImportsOnceAndASecondImportChangesNothing() {
		String prefix = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		byte[] file = UnitFiles.csv(UnitFiles.province(prefix, 1500));
		PortalHttp admin = admin();

		HttpResponse<String> first = upload(admin, "tinh.csv", file);

		assertThat(PortalHttp.location(first)).as(first.body()).isEqualTo("/admin/units/import");
		assertThat(admin.get("/admin/units/import").body())
			.contains("Đã nhập xong: 1.500 đơn vị mới, 0 đơn vị được cập nhật, 0 đơn vị không thay đổi.");
		assertThat(count("select count(*) from unit where code like ?", prefix + "%")).isEqualTo(1500);
		assertThat(count("""
				with recursive tree as (
				    select id, '/' || id || '/' as expected from unit where parent_id is null
				    union all
				    select u.id, tree.expected || u.id || '/' from unit u join tree on u.parent_id = tree.id)
				select count(*) from unit u join tree t on t.id = u.id where u.path <> t.expected or u.code like ?
				  and false
				""", prefix + "%")).as("every materialised path matches the parent links").isZero();
		assertThat(count("select count(*) from audit_event where action = 'UNIT_CREATED' and details -> 'after' ->> "
				+ "'code' like ?", prefix + "%"))
			.isEqualTo(1500);

		upload(admin, "tinh.csv", file);

		assertThat(admin.get("/admin/units/import").body())
			.contains("Đã nhập xong: 0 đơn vị mới, 0 đơn vị được cập nhật, 1.500 đơn vị không thay đổi.");
		assertThat(count("select count(*) from unit where code like ? and version > 1", prefix + "%")).isZero();
		assertThat(admin.get("/admin/units?q=dong+khoi+1469").body()).contains("Trường THCS Đồng Khởi 1469");
	}

	@Test
	void everyBadRowIsReportedWithLineColumnAndReasonAndNothingIsWritten() {
		String p = "E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		List<String> lines = new ArrayList<>(List.of(UnitFiles.HEADER,
				p + "-A,Trường A,,PRIMARY,PGD-GTR,PUBLIC,,,2020-01-01", ",Trường không mã,,PRIMARY,PGD-GTR,,,,",
				"mã có dấu,Trường B,,PRIMARY,PGD-GTR,,,,", p + "-A,Trường A lần hai,,PRIMARY,PGD-GTR,,,,",
				p + "-C,,,PRIMARY,PGD-GTR,,,,", p + "-D,Trường D,,UNIVERSITY,PGD-GTR,,,,",
				p + "-E,Trường E,,PRIMARY,PGD-GTR,STATE,,,", p + "-F,Trường F,,PRIMARY,NO-SUCH-PARENT,,,,",
				p + "-G,Trường G,,PRIMARY," + p + "-G,,,,", p + "-H,Trường H,,PRIMARY," + p + "-I,,,,",
				p + "-I,Trường I,,PRIMARY," + p + "-H,,,,", p + "-J,Trường J,,PRIMARY,PGD-GTR,,khong-phai-email,,",
				p + "-K,Trường K,,PRIMARY,PGD-GTR,,,phone: 123,", p + "-L,Trường L,,PRIMARY,PGD-GTR,,,,31/02/2024",
				p + "-M," + "Rất dài ".repeat(40) + ",,PRIMARY,PGD-GTR,,,,",
				p + "-N,Trường N,,PRIMARY,GDNN-GDTX-TPBT,,,,"));
		PortalHttp admin = admin();

		String page = upload(admin, "loi.csv", UnitFiles.csv(lines)).body();

		assertThat(page).contains("Tệp loi.csv có 15 lỗi; chưa có gì được ghi.");
		assertThat(rows(page)).contains("3|code|Thiếu giá trị bắt buộc.",
				"4|code|Mã chỉ gồm chữ cái không dấu, chữ số và các dấu . _ - (tối đa 40 ký tự).",
				"5|code|Trùng với dòng 2 trong cùng tệp.", "6|name|Thiếu giá trị bắt buộc.",
				"7|type|Loại đơn vị không hợp lệ: “UNIVERSITY”.", "8|ownership|Loại hình không hợp lệ: “STATE”.",
				"9|parent_code|Không tìm thấy đơn vị cấp trên “NO-SUCH-PARENT” trong hệ thống hay trong tệp.",
				"10|parent_code|Đơn vị không thể là cấp trên của chính nó.",
				"11|parent_code|Đặt “" + p + "-I” làm cấp trên sẽ tạo vòng lặp trong cây đơn vị.",
				"12|parent_code|Đặt “" + p + "-H” làm cấp trên sẽ tạo vòng lặp trong cây đơn vị.",
				"13|email|Địa chỉ e-mail không hợp lệ.",
				"14|phone|Số điện thoại chỉ gồm chữ số, khoảng trắng và các dấu + ( ) . -",
				"15|valid_from|Ngày không hợp lệ: “31/02/2024”. Dùng dạng 2025-07-01 hoặc 01/07/2025.",
				"16|name|Quá dài: tối đa 255 ký tự.", "17|parent_code|Đơn vị cấp trên “GDNN-GDTX-TPBT” đã đóng.");
		assertThat(count("select count(*) from unit where code like ?", p + "%")).isZero();
	}

	@Test
	void unreadableOrDangerousFilesAreRefusedBesideTheField() throws IOException {
		PortalHttp admin = admin();

		assertThat(upload(admin, "thieu-cot.csv", UnitFiles.csv(List.of("code,name", "X,Y"))).body())
			.contains("Thiếu cột: short_name, type, parent_code, ownership, email, phone, valid_from.", "is-invalid");
		assertThat(upload(admin, "cong-thuc.xlsx", workbookWithFormula()).body()).contains("Ô C2 chứa công thức.");
		assertThat(upload(admin, "rong.csv", new byte[0]).body()).contains("Tệp trống hoặc chưa chọn tệp.");
		assertThat(upload(admin, "lon.csv", new byte[10 * 1024 * 1024 + 1]).body())
			.contains("Tệp quá lớn: tối đa 10 MB.");
	}

	@Test
	void anExportReimportsUnchangedInBothFormats() {
		PortalHttp admin = admin();
		long units = count("select count(*) from unit where code not like ?", "~");

		HttpResponse<byte[]> csv = admin.download("/admin/units/export.csv");
		assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
		assertThat(new String(csv.body(), 0, 3, java.nio.charset.StandardCharsets.ISO_8859_1))
			.isEqualTo("\u00EF\u00BB\u00BF");
		admin.get("/admin/units/import");
		upload(admin, "don-vi.csv", csv.body());
		assertThat(admin.get("/admin/units/import").body())
			.contains("Đã nhập xong: 0 đơn vị mới, 0 đơn vị được cập nhật");

		HttpResponse<byte[]> xlsx = admin.download("/admin/units/export.xlsx");
		upload(admin, "don-vi.xlsx", xlsx.body());
		assertThat(admin.get("/admin/units/import").body())
			.contains("Đã nhập xong: 0 đơn vị mới, 0 đơn vị được cập nhật");
		assertThat(count("select count(*) from unit where code not like ?", "~")).isEqualTo(units);
	}

	@Test
	void onlySystemAdministratorsImportAndExport() {
		PortalHttp leader = new PortalHttp(this.port);
		leader.login(TestAccounts.DEPARTMENT_LEADER, TestAccounts.DEMO_PASSWORD);

		assertThat(leader.get("/admin/units/import").statusCode()).isEqualTo(403);
		assertThat(leader.download("/admin/units/export.csv").statusCode()).isEqualTo(403);
		assertThat(leader.upload("/admin/units/import", "x.csv", UnitFiles.csv(List.of(UnitFiles.HEADER))).statusCode())
			.isEqualTo(403);
	}

	private HttpResponse<String> upload(PortalHttp admin, String name, byte[] content) {
		admin.get("/admin/units/import");
		return admin.upload("/admin/units/import", name, content);
	}

	private PortalHttp admin() {
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		return admin;
	}

	private long count(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(Long.class).single();
	}

	/** The problem table as "line|column|reason" strings. */
	private static List<String> rows(String page) {
		List<String> rows = new ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile("<tr>\\s*<td>(\\d+)</td>\\s*<td><code>([^<]*)</code></td>\\s*<td>([^<]*)</td>")
			.matcher(page);
		while (matcher.find()) {
			rows.add(matcher.group(1) + "|" + matcher.group(2) + "|"
					+ org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(3)));
		}
		return rows;
	}

	private static byte[] workbookWithFormula() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("units");
			String[] header = UnitFiles.HEADER.split(",");
			var headerRow = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				headerRow.createCell(i).setCellValue(header[i]);
			}
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue("F-1");
			row.createCell(1).setCellValue("Trường F");
			row.createCell(2).setCellFormula("HYPERLINK(\"http://example.com\",\"x\")");
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
