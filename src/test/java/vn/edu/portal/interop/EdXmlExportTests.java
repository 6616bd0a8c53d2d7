package vn.edu.portal.interop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.TestPdfs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issued directives as edXML packages: valid against the schema written from the format
 * brief, with the register's fields, and read back unchanged.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EdXmlExportTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Autowired
	DirectivePackages packages;

	@Test
	void theSampleLetter340ExportsAsAValidPackageWithItsNumberNotationAndRecipients() throws Exception {
		long id = this.jdbc.sql("""
				select id from directive where number = 340 and symbol = 'SGD&ĐT-CTTT' and year = 2020
				  and issuer_unit_id = (select id from unit where code = 'SGDDT-BT')
				""").query(Long.class).single();
		PortalHttp officer = login("sgd.chuyenvien", TestAccounts.DEMO_PASSWORD);

		HttpResponse<byte[]> response = officer.download("/directives/" + id + ".edxml");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition")).get()
			.asString()
			.contains("attachment", "340-SGDDT-CTTT-2020.edxml");
		byte[] edxml = response.body();
		validate(edxml);
		Document xml = parse(edxml);
		assertThat(text(xml, "//*[local-name()='Code']/*[local-name()='CodeNumber']")).isEqualTo("340");
		assertThat(text(xml, "//*[local-name()='CodeNotation']")).isEqualTo("SGD&ĐT-CTTT");
		assertThat(text(xml, "//*[local-name()='From']/*[local-name()='OrganId']")).isEqualTo("000.00.12.H05");
		assertThat(text(xml, "//*[local-name()='PromulgationDate']")).isEqualTo("2020/02/25");
		assertThat(text(xml, "//*[local-name()='TypeName']")).isEqualTo("Công văn");
		assertThat(text(xml, "//*[local-name()='DocumentId']")).isEqualTo("000.00.12.H05,2020/02/25,340/SGD&ĐT-CTTT");
		assertThat(text(xml, "//*[local-name()='BussinessDocType']")).isEqualTo("0");
		assertThat(text(xml, "//*[local-name()='Priority']")).isEqualTo("0");
		assertThat(text(xml, "//*[local-name()='SteeringType']")).isEqualTo("2");
		assertThat(texts(xml, "//*[local-name()='ToPlaces']/*[local-name()='Place']"))
			.contains("Phòng Giáo dục và Đào tạo các huyện, thành phố", "Ban Tuyên giáo Tỉnh ủy (báo cáo)");
		assertThat(texts(xml, "//*[local-name()='To']/*[local-name()='OrganId']")).isNotEmpty()
			.allMatch((code) -> code.matches("[0-9A-Z.]{1,35}"));
		assertThat(new String(edxml, java.nio.charset.StandardCharsets.UTF_8))
			.contains("<edXML:edXMLEnvelope", "xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"")
			.doesNotContain("<edXMLEnvelope");

		assertReadsBackUnchanged(edxml, "sgd.chuyenvien", id);
	}

	@Test
	void anAmendedDirectiveExportsAsAnUpdateWithItsReasonAndItsFilesInBase64() throws Exception {
		TestDepartment department = new TestDepartment(this.jdbc, this.people);
		agencyCodes(department);
		long id = this.directives.publishWithReport(department,
				List.of(department.upperSecondaryOne, department.districtOne), LocalDate.now().minusDays(3),
				LocalDate.now().plusDays(20));
		this.directives.amendReportDue(department, id, LocalDate.now().plusDays(30));
		PortalHttp leader = login(department.leader, TestPeople.PASSWORD);
		leader.get("/directives/" + id);
		byte[] pdf = TestPdfs.plain();
		leader.multipart("/directives/" + id + "/attachments", Map.of("kind", "SIGNED"), "file",
				Map.of("ban-ky.pdf", pdf));

		byte[] edxml = leader.download("/directives/" + id + ".edxml").body();

		validate(edxml);
		Document xml = parse(edxml);
		assertThat(text(xml, "//*[local-name()='BussinessDocType']")).isEqualTo("2");
		assertThat(text(xml, "//*[local-name()='BussinessDocReason']")).isEqualTo("Lùi hạn báo cáo.");
		assertThat(text(xml, "//*[local-name()='From']/*[local-name()='OrganId']"))
			.isEqualTo(codeOf(department.department));
		assertThat(texts(xml, "//*[local-name()='To']/*[local-name()='OrganId']"))
			.containsExactlyInAnyOrder(codeOf(department.upperSecondaryOne), codeOf(department.districtOne));
		assertThat(text(xml, "//*[local-name()='DueDate']")).matches("\\d{4}/\\d{2}/\\d{2}");
		assertThat(text(xml, "//AttachmentEncoded/Attachment/AttachmentName")).isEqualTo("ban-ky.pdf");
		String contentId = text(xml, "//AttachmentEncoded/Attachment/ContentId");
		assertThat(text(xml, "//*[local-name()='Reference']/*[local-name()='ContentId']")).isEqualTo(contentId);
		assertThat(java.util.Base64.getDecoder().decode(text(xml, "//ContentTransferEncoded"))).isEqualTo(pdf);

		assertReadsBackUnchanged(edxml, department.leader, id);

		leader.get("/directives/import");
		String imported = leader.upload("/directives/import", "sua-doi.edxml", edxml).body();
		assertThat(imported).as("the amendment names the document and leads to it")
			.contains("Gói này sửa đổi văn bản", "Lùi hạn báo cáo.", "/directives/" + id + "\"")
			.doesNotContain(">Tạo văn bản<");
	}

	@Test
	void aRecalledDirectiveExportsAsARevocationWithItsReason() throws Exception {
		long id = this.jdbc
			.sql("select id from directive where status = 'RECALLED' and recall_reason = ? order by id limit 1")
			.param("Thay bằng lịch kiểm tra mới.")
			.query(Long.class)
			.single();
		PortalHttp officer = login("sgd.chuyenvien", TestAccounts.DEMO_PASSWORD);

		byte[] edxml = officer.download("/directives/" + id + ".edxml").body();

		validate(edxml);
		Document xml = parse(edxml);
		assertThat(text(xml, "//*[local-name()='BussinessDocType']")).isEqualTo("1");
		assertThat(text(xml, "//*[local-name()='BussinessDocReason']")).isEqualTo("Thay bằng lịch kiểm tra mới.");
		assertThat(text(xml, "//*[local-name()='TypeName']")).isEqualTo("Thông báo");
		assertReadsBackUnchanged(edxml, "sgd.chuyenvien", id);

		int directives = this.jdbc.sql("select count(*) from directive").query(Integer.class).single();
		officer.get("/directives/import");
		String imported = officer.upload("/directives/import", "thu-hoi.edxml", edxml).body();
		assertThat(imported).as("the revocation names the document and leads to it")
			.contains("Gói này thu hồi văn bản", "Thay bằng lịch kiểm tra mới.", "/directives/" + id + "\"")
			.doesNotContain(">Tạo văn bản<");
		assertThat(this.jdbc.sql("select count(*) from directive").query(Integer.class).single()).isEqualTo(directives);
		assertThat(this.jdbc.sql("select status from directive where id = ?").param(id).query(String.class).single())
			.isEqualTo("RECALLED");
	}

	@Test
	void draftsAndOtherUnitsDirectivesAnswer404() {
		TestDepartment department = new TestDepartment(this.jdbc, this.people);
		long draft = this.directives.draft(department, List.of(department.upperSecondaryOne));
		long issued = this.directives.publishSampleTo(department, List.of(department.upperSecondaryOne),
				LocalDate.now().minusDays(1));
		PortalHttp officer = login(department.officer, TestPeople.PASSWORD);
		PortalHttp otherSchool = login(
				this.people.account(department.upperSecondaryTwo, vn.edu.portal.account.Role.UNIT_LEADER),
				TestPeople.PASSWORD);
		PortalHttp recipient = login(department.schoolLeader, TestPeople.PASSWORD);

		assertThat(officer.download("/directives/" + draft + ".edxml").statusCode()).isEqualTo(404);
		assertThat(otherSchool.download("/directives/" + issued + ".edxml").statusCode()).isEqualTo(404);
		assertThat(recipient.download("/directives/" + issued + ".edxml").statusCode()).isEqualTo(200);
		assertThat(officer.get("/directives/" + issued).body()).contains("/directives/" + issued + ".edxml",
				"Tải gói edXML");
	}

	/** What the package says is what the portal holds: read back, it maps the same. */
	private void assertReadsBackUnchanged(byte[] edxml, String username, long id) throws IOException {
		Path folder = Files.createTempDirectory("edxml-test");
		try {
			EdXmlReader.Read read = EdXmlReader.read(new ByteArrayInputStream(edxml), EdXmlReader.Budgets.DEFAULT,
					folder);
			EdXmlPackage expected = this.packages.map(this.packages.issued(this.people.user(username), id));
			assertThat(read.edxml()).usingRecursiveComparison()
				.ignoringFields("attachments.content")
				.isEqualTo(expected);
			for (EdXmlPackage.Attachment attachment : expected.attachments()) {
				ByteArrayOutputStream original = new ByteArrayOutputStream();
				attachment.content().writeTo(original);
				assertThat(Files.readAllBytes(read.files().get(attachment.contentId())))
					.isEqualTo(original.toByteArray());
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	private void agencyCodes(TestDepartment department) {
		for (long unit : List.of(department.department, department.upperSecondaryOne, department.districtOne)) {
			this.jdbc.sql("update unit set agency_code = ? where id = ?")
				.params("G99." + unit + ".T" + (unit % 1000), unit)
				.update();
		}
	}

	private String codeOf(long unit) {
		return this.jdbc.sql("select agency_code from unit where id = ?").param(unit).query(String.class).single();
	}

	private PortalHttp login(String username, String password) {
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, password);
		return http;
	}

	static void validate(byte[] edxml) throws Exception {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file");
		Schema schema = factory.newSchema(new ClassPathResource("edxml/edxml-package.xsd").getURL());
		schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(edxml)));
	}

	static Document parse(byte[] edxml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(edxml));
	}

	static String text(Document xml, String path) throws Exception {
		return (String) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.STRING);
	}

	static List<String> texts(Document xml, String path) throws Exception {
		NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
		return java.util.stream.IntStream.range(0, nodes.getLength())
			.mapToObj((i) -> nodes.item(i).getTextContent())
			.toList();
	}

}
