package vn.edu.portal.interop;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.Concurrently;
import vn.edu.portal.PortalHttp;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Directives brought in from the province's document system as edXML packages: preview,
 * confirmation, delivery and acknowledgement; duplicates, hostile and wrong packages
 * refused with a message and nothing created.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EdXmlImportTests {

	private static final String UNKNOWN = "000.99.99.H99";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	TestDepartment dept;

	String departmentCode;

	@BeforeEach
	void department() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		for (long unit : List.of(this.dept.department, this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo)) {
			this.jdbc.sql("update unit set agency_code = ? where id = ?").params("G99." + unit + ".IM", unit).update();
		}
		this.departmentCode = code(this.dept.department);
	}

	@Test
	void aPackageIsPreviewedThenCreatedNumberedByTheOutsideRegisterDeliveredAndAcknowledged() throws Exception {
		PortalHttp officer = login(this.dept.officer);
		byte[] edxml = EdXmlPackages.bytes(EdXmlPackages.letter340(this.departmentCode,
				List.of(code(this.dept.upperSecondaryOne), code(this.dept.upperSecondaryTwo), UNKNOWN)));

		String preview = upload(officer, "cv-340.edxml", edxml).body();

		assertThat(Jsoup.parse(preview).text()).contains("Xem trước gói cv-340.edxml", "340/SGD&ĐT-CTTT", "25/02/2020",
				"tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội", "Khẩn",
				"KT. GIÁM ĐỐC · PHÓ GIÁM ĐỐC · La Thị Thúy", "Trường THPT Một", "Trường THPT Hai",
				UNKNOWN + " · Đơn vị " + UNKNOWN, "340-SGDDT-CTTT.pdf");
		assertThat(directivesOfDepartment()).as("nothing is created before the confirmation").isZero();

		String confirm = confirmPath(preview);
		HttpResponse<String> created = officer.post(confirm, Map.of());

		assertThat(PortalHttp.location(created)).startsWith("/directives/");
		long id = Long.parseLong(PortalHttp.location(created).substring("/directives/".length()));
		assertThat(Jsoup.parse(officer.get("/directives/" + id).body()).text()).contains("Đã tạo văn bản từ gói edXML",
				"340/SGD&ĐT-CTTT");
		assertThat(this.jdbc.sql("""
				select status || '|' || number || '|' || symbol || '|' || registered_elsewhere || '|' || issued_on
				       || '|' || urgency || '|' || source_document_id
				from directive where id = ?
				""").param(id).query(String.class).single())
			.isEqualTo("PUBLISHED|340|SGD&ĐT-CTTT|true|2020-02-25|URGENT|" + this.departmentCode
					+ ",2020/02/25,340/SGD&ĐT-CTTT");
		assertThat(this.jdbc.sql("select count(*) from directive_register where issuer_unit_id = ?")
			.param(this.dept.department)
			.query(Long.class)
			.single()).as("the portal's register gave no number").isZero();
		assertThat(this.jdbc.sql("select count(*) from stored_file where owner_type = 'DIRECTIVE' and owner_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isOne();
		assertThat(Jsoup.parse(officer.get("/directives/register?year=2020").body()).text()).contains("340/SGD&ĐT-CTTT",
				"Số do hệ thống quản lý văn bản của tỉnh cấp");

		PortalHttp school = login(this.dept.schoolLeader);
		assertThat(Jsoup.parse(school.get("/inbox").body()).text()).contains("340/SGD&ĐT-CTTT");
		long assignment = this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(id, this.dept.upperSecondaryOne)
			.query(Long.class)
			.single();
		school.get("/inbox/" + assignment);
		school.post("/inbox/" + assignment + "/acknowledge", Map.of());
		assertThat(this.jdbc.sql("select acknowledged_at is not null from assignment where id = ?")
			.param(assignment)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from assignment where directive_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);

		assertStatusPackages(officer, school, id);

		HttpResponse<String> again = officer.post(confirm, Map.of());
		assertThat(PortalHttp.location(again)).as("a second confirmation leads to the same directive")
			.isEqualTo("/directives/" + id);
		assertThat(directivesOfDepartment()).isOne();

		String duplicate = upload(officer, "cv-340.edxml", edxml).body();
		assertThat(Jsoup.parse(duplicate).text()).contains("Văn bản 340/SGD&ĐT-CTTT đã có trong cổng.",
				"Mở văn bản đã có");
		assertThat(duplicate).contains("href=\"/directives/" + id + "\"");
		assertThat(directivesOfDepartment()).isOne();
	}

	@Test
	void aConfirmationSentTenTimesAtOnceCreatesOneDirectiveAndNoErrorPage() throws Exception {
		PortalHttp officer = login(this.dept.officer);
		byte[] edxml = EdXmlPackages
			.bytes(EdXmlPackages.letter340(this.departmentCode, List.of(code(this.dept.upperSecondaryOne))));
		String confirm = confirmPath(upload(officer, "cv-340.edxml", edxml).body());

		List<HttpResponse<String>> responses = Concurrently.times(10, () -> officer.post(confirm, Map.of()));

		assertThat(responses).allMatch((response) -> response.statusCode() == 302)
			.allMatch((response) -> PortalHttp.location(response).matches("/directives/\\d+"));
		assertThat(directivesOfDepartment()).isOne();
	}

	@Test
	void wrongHostileAndForeignPackagesAreRefusedBesideTheFieldAndNothingIsCreated() {
		PortalHttp officer = login(this.dept.officer);
		String school = code(this.dept.upperSecondaryOne);
		String valid = new String(EdXmlPackages.bytes(EdXmlPackages.letter340(this.departmentCode, List.of(school))),
				StandardCharsets.UTF_8);
		Map<String, String> refusals = Map.of(
				"<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><edXML>&xxe;</edXML>",
				"không được phép vì lý do an toàn",
				"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><edXML>&lol2;</edXML>",
				"không được phép vì lý do an toàn", "đây không phải XML", "Tệp không phải là XML hợp lệ.",
				"<?xml version=\"1.0\"?><html/>", "Tệp không phải là gói edXML",
				valid.replaceAll("<edXML:Code>.*?</edXML:Code>", ""), "Gói thiếu phần tử bắt buộc Code/CodeNumber.",
				valid.replace("<edXML:TypeName>Công văn</edXML:TypeName>",
						"<edXML:TypeName>Nghị quyết</edXML:TypeName>"),
				"Loại văn bản không được hỗ trợ: “Nghị quyết”.", valid.replace(school, UNKNOWN),
				"Không có nơi nhận nào (To/OrganId) khớp", valid.replace(this.departmentCode, "G03"),
				"Gói do cơ quan có mã G03 ban hành, không phải Sở của bạn",
				"<?xml version=\"1.0\"?><edXML>" + "<a>".repeat(30) + "</a>".repeat(30) + "</edXML>",
				"Gói lồng quá sâu");

		refusals.forEach((content, message) -> {
			String page = upload(officer, "goi.edxml", content.getBytes(StandardCharsets.UTF_8)).body();
			assertThat(Jsoup.parse(page).select("#file-error").text()).as(content).contains(message);
			assertThat(page).doesNotContain("Exception", "/etc/passwd", "root:");
		});
		assertThat(upload(officer, "rong.edxml", new byte[0]).body()).contains("Chưa chọn tệp hoặc tệp trống.");
		assertThat(directivesOfDepartment()).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from interop_pending_import p join account a on a.id = p.account_id "
					+ "where a.username = ?")
			.param(this.dept.officer)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void onlyDepartmentStaffImportAndOnlyTheUploaderConfirms() {
		long own = this.jdbc.sql("select id from directive where status = 'PUBLISHED' order by id limit 1")
			.query(Long.class)
			.single();
		PortalHttp school = login(this.dept.schoolLeader);
		assertThat(school.get("/directives/import").statusCode()).isEqualTo(403);
		PortalHttp officer = login(this.dept.officer);
		assertThat(officer.get("/directives/import").statusCode()).isEqualTo(200);
		assertThat(officer.download("/directives/" + own + "/status.edxml?code=03").statusCode())
			.as("another Department's directive")
			.isEqualTo(404);
		String confirm = confirmPath(upload(officer, "cv-340.edxml",
				EdXmlPackages
					.bytes(EdXmlPackages.letter340(this.departmentCode, List.of(code(this.dept.upperSecondaryOne)))))
			.body());
		PortalHttp leader = login(this.dept.leader);
		leader.get("/directives");

		assertThat(leader.post(confirm, Map.of()).statusCode()).as("another's package").isEqualTo(404);
		assertThat(directivesOfDepartment()).isZero();
		assertThat(PortalHttp.location(officer.post(confirm, Map.of()))).startsWith("/directives/");
		assertThat(directivesOfDepartment()).isOne();
	}

	/** Status packages answer the province's register with how far the units got. */
	private void assertStatusPackages(PortalHttp officer, PortalHttp school, long id) throws Exception {
		byte[] accepted = officer.download("/directives/" + id + "/status.edxml?code=03").body();
		EdXmlExportTests.validate(accepted);
		org.w3c.dom.Document xml = EdXmlExportTests.parse(accepted);
		assertThat(EdXmlExportTests.text(xml, "//*[local-name()='StatusCode']")).isEqualTo("03");
		assertThat(EdXmlExportTests.text(xml, "//*[local-name()='ResponseFor']/*[local-name()='DocumentId']"))
			.isEqualTo(this.departmentCode + ",2020/02/25,340/SGD&ĐT-CTTT");
		assertThat(EdXmlExportTests.text(xml, "//*[local-name()='ResponseFor']/*[local-name()='Code']"))
			.isEqualTo("340/SGD&ĐT-CTTT");
		assertThat(EdXmlExportTests.text(xml, "//*[local-name()='From']/*[local-name()='OrganId']"))
			.isEqualTo(this.departmentCode);
		org.w3c.dom.Document chosen = EdXmlExportTests
			.parse(officer.download("/directives/" + id + "/status.edxml").body());
		assertThat(EdXmlExportTests.text(chosen, "//*[local-name()='StatusCode']")).as("one of two acknowledged")
			.isEqualTo("05");
		assertThat(EdXmlExportTests.text(chosen, "//*[local-name()='Description']"))
			.isEqualTo("Đang xử lý: 2 đơn vị nhận, 1 đã tiếp nhận, 0 đã báo cáo.");
		assertThat(officer.download("/directives/" + id + "/status.edxml?code=99").statusCode()).isEqualTo(400);
		assertThat(school.download("/directives/" + id + "/status.edxml?code=03").statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(officer.get("/directives/" + id).body()).text()).contains("Gói trạng thái",
				"Đang xử lý");
	}

	private HttpResponse<String> upload(PortalHttp http, String name, byte[] content) {
		http.get("/directives/import");
		return http.upload("/directives/import", name, content);
	}

	private static String confirmPath(String page) {
		Matcher matcher = Pattern.compile("action=\"(/directives/import/[0-9a-f-]{36})\"").matcher(page);
		assertThat(matcher.find()).as(page).isTrue();
		return matcher.group(1);
	}

	private long directivesOfDepartment() {
		return this.jdbc.sql("select count(*) from directive where issuer_unit_id = ?")
			.param(this.dept.department)
			.query(Long.class)
			.single();
	}

	private String code(long unit) {
		return this.jdbc.sql("select agency_code from unit where id = ?").param(unit).query(String.class).single();
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, TestPeople.PASSWORD).statusCode()).isEqualTo(302);
		return http;
	}

}
