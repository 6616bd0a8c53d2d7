package vn.edu.portal.directive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.Pools;
import vn.edu.portal.TestAccounts;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.TestPdfs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directive pages as their users meet them: the sample letter entered field by field
 * and published, its print view and PDF, the register, and the refusals.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DirectiveTests {

	private static final Pattern DIRECTIVE_ID = Pattern.compile("/directives/(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Formats formats;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	TestDepartment dept;

	@BeforeEach
	void department() {
		this.dept = new TestDepartment(this.jdbc, this.people);
	}

	@Test
	void theSampleLetterEnteredFieldByFieldPrintsAsTheOriginal() throws IOException {
		PortalHttp officer = login(this.dept.officer);
		long id = draft(officer, sampleLetter());
		submit(officer, id);

		PortalHttp leader = login(this.dept.leader);
		leader.get("/directives/register?year=2020");
		assertThat(PortalHttp
			.location(leader.post("/directives/register/continue", Map.of("year", "2020", "lastUsed", "339"))))
			.isEqualTo("/directives/register?year=2020");
		HttpResponse<String> published = publish(leader, id, "25/02/2020");
		assertThat(PortalHttp.location(published)).isEqualTo("/directives/" + id);
		assertThat(text(leader.get("/directives/" + id))).contains("Đã ban hành văn bản số 340/SGD&ĐT-CTTT");

		String print = text(leader.get("/directives/" + id + "/print"));
		assertThat(print).contains("Số: 340/SGD&ĐT-CTTT", "V/v tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội",
				"Bến Tre, ngày 25 tháng 02 năm 2020", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "La Thị Thúy",
				"UBND TỈNH BẾN TRE", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc", "Kính gửi:", "- Các trường Trung học phổ thông;", "Nơi nhận:",
				"- Ban Tuyên giáo Tỉnh ủy (báo cáo);", "- Lưu: VT, CTTT.");
		for (int task = 1; task <= 5; task++) {
			assertThat(print)
				.contains(task + ". " + SampleLetter.TASKS.get(task - 1).lines().findFirst().orElseThrow());
		}

		HttpResponse<byte[]> pdf = leader.download("/directives/" + id + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		String text = pdfText(pdf.body());
		assertThat(text).contains("Số: 340/SGD&ĐT-CTTT", "V/v tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội",
				"Bến Tre, ngày 25 tháng 02 năm 2020", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "La Thị Thúy",
				"1. Tiếp tục triển khai thực hiện Kế hoạch số 792/KH-SGD&ĐT", "2. Quan tâm thực hiện có hiệu quả",
				"3. Phối hợp với tổ chức Đoàn, Đội", "4. Phối hợp với cha mẹ học sinh",
				"5. Lãnh đạo các cơ sở giáo dục thường xuyên giám sát");

		assertThat(leader.get("/directives?q=340%2FSGD%26%C4%90T-CTTT").body()).as("found by its number and symbol")
			.contains("/directives/" + id + "\"");
		assertThat(this.jdbc.sql("select number, year, issued_on::text from directive where id = ?")
			.param(id)
			.query((rs, i) -> rs.getInt(1) + " " + rs.getInt(2) + " " + rs.getString(3))
			.single()).isEqualTo("340 2020 2020-02-25");
		assertThat(
				this.jdbc.sql("select unit_id, role from directive_recipient where directive_id = ? order by unit_id")
					.param(id)
					.query((rs, i) -> rs.getLong(1) + ":" + rs.getString(2))
					.list())
			.containsExactlyInAnyOrder(this.dept.districtOne + ":IMPLEMENT", this.dept.districtTwo + ":IMPLEMENT",
					this.dept.upperSecondaryOne + ":IMPLEMENT", this.dept.upperSecondaryTwo + ":IMPLEMENT",
					this.dept.centre + ":IMPLEMENT", this.dept.department + ":INFORM");
		assertThat(this.jdbc.sql("select unit_id from assignment where directive_id = ? and read_at is not null")
			.param(id)
			.query(Long.class)
			.list()).as("one assignment per recipient; the leader's opening it reads the Department's")
			.containsExactly(this.dept.department);
		assertThat(this.jdbc.sql("select count(*) from assignment where directive_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(6);
	}

	@Test
	void badInputIsExplainedBesideEachFieldKeepsWhatWasTypedAndSavesNothing() {
		PortalHttp officer = login(this.dept.officer);
		officer.get("/directives/new");
		int before = countDirectives();
		Map<String, String> form = sampleLetter();
		form.put("subject", "");
		form.put("secrecy", "SECRET");
		form.put("reportSchedule", "MONTHLY");
		form.put("reportDue", "31/02/2026");
		form.put("contactEmail", "not an address");
		form.remove("implementers[0]");
		form.remove("implementers[1]");
		form.remove("implementers[2]");
		form.remove("informed[0]");
		HttpResponse<String> response = officer.post("/directives", form);

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("#secrecy-error").text()).contains("không được đưa lên hệ thống này");
		assertThat(page.select("#subject-error").text()).isEqualTo("Vui lòng nhập trường này.");
		assertThat(page.select("#reportDue-error").text()).startsWith("Ngày không hợp lệ");
		assertThat(page.select("#contactEmail-error").text()).isEqualTo("Địa chỉ e-mail không hợp lệ.");
		assertThat(page.select("#reportUntil-error").text()).isEqualTo("Nhập ngày kết thúc báo cáo định kỳ.");
		assertThat(page.select("#implementers-error").text()).isEqualTo("Chọn ít nhất một đơn vị nhận.");
		assertThat(page.select("#addressees").val()).startsWith("- Phòng Giáo dục và Đào tạo các huyện, thành phố;");
		assertThat(page.select("#signerName").val()).isEqualTo("La Thị Thúy");
		assertThat(page.select("#reportDue").val()).isEqualTo("31/02/2026");
		assertThat(page.select("[name='tasks[0].text']").val())
			.startsWith("Tiếp tục triển khai thực hiện Kế hoạch số 792/KH-SGD&ĐT");
		assertThat(page.select("[name='tasks[4].text']").val()).startsWith("Lãnh đạo các cơ sở giáo dục");
		assertThat(countDirectives()).isEqualTo(before);
	}

	@Test
	void onlyDepartmentStaffDraftOnlyLeadersPublishAndOthersSeeOnlyWhatWasSentToThem() {
		PortalHttp officer = login(this.dept.officer);
		long id = draft(officer, sampleLetter());
		PortalHttp school = login(this.dept.schoolLeader);
		PortalHttp otherDepartment = login(new TestDepartment(this.jdbc, this.people).officer);
		PortalHttp admin = login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

		assertThat(school.get("/directives/new").statusCode()).isEqualTo(403);
		assertThat(school.post("/directives", sampleLetter()).statusCode()).isEqualTo(403);
		assertThat(admin.get("/directives").statusCode()).isEqualTo(403);
		assertThat(school.get("/directives/" + id).statusCode()).as("a draft is not sent to anyone").isEqualTo(404);
		assertThat(school.get("/directives/" + id + "/edit").statusCode()).isEqualTo(404);
		assertThat(school.get("/directives/register").statusCode()).isEqualTo(403);
		assertThat(otherDepartment.get("/directives/" + id + "/edit").statusCode()).isEqualTo(404);
		assertThat(otherDepartment.get("/directives/" + id).statusCode()).isEqualTo(404);
		assertThat(otherDepartment.get("/directives/" + id + ".pdf").statusCode()).isEqualTo(404);

		submit(officer, id);
		assertThat(publish(officer, id, Formats.dayMonthYear(this.formats.today())).statusCode())
			.as("an officer does not publish")
			.isEqualTo(403);
		PortalHttp leader = login(this.dept.leader);
		assertThat(PortalHttp.location(publish(leader, id, Formats.dayMonthYear(this.formats.today()))))
			.isEqualTo("/directives/" + id);

		assertThat(school.get("/directives/" + id).statusCode()).isEqualTo(200);
		assertThat(school.get("/directives").body()).contains("/directives/" + id + "\"");
		assertThat(school.get("/directives/" + id).body()).doesNotContain("/recall", "/edit\"");
		assertThat(school.post("/directives/" + id + "/recall", Map.of("comment", "x", "version", "9")).statusCode())
			.isEqualTo(403);
		assertThat(school.get("/directives/" + id + "/edit").statusCode()).as("a recipient does not amend")
			.isEqualTo(403);
		assertThat(officer.get("/directives/" + id + "/edit").statusCode()).as("an officer does not amend")
			.isEqualTo(403);
		school.get("/directives/" + id);
		assertThat(school.upload("/directives/" + id + "/attachments", "a.pdf", "%PDF-1.4\n%%EOF\n".getBytes())
			.statusCode()).isEqualTo(403);
		assertThat(school.get("/directives/" + id + "/versions/0/print").statusCode()).isEqualTo(200);
		assertThat(otherDepartment.get("/directives/" + id + "/versions/0/print").statusCode()).isEqualTo(404);
		assertThat(otherDepartment.get("/directives/" + id).statusCode()).isEqualTo(404);
		assertThat(otherDepartment.get("/directives").body()).doesNotContain("/directives/" + id + "\"");
		assertThat(login(this.dept.districtLeader).get("/directives/" + id).statusCode()).isEqualTo(200);
	}

	/**
	 * The list's content is kept rendered for each value (system/RenderedOnce): the
	 * buttons of a reader who drafts are theirs alone, a draft saved shows at the
	 * officer's next view, and the filter shows what each request asked.
	 */
	@Test
	void aKeptDirectiveListShowsEachReaderTheirOwnButtonsAndEachChangeAtTheNextView() {
		PortalHttp officer = login(this.dept.officer);
		PortalHttp school = login(this.dept.schoolLeader);
		for (int view = 0; view < 2; view++) {
			Document asOfficer = Jsoup.parse(officer.get("/directives?q=").body());
			Document asSchool = Jsoup.parse(school.get("/directives?q=").body());
			assertThat(asOfficer.select("a[href=/directives/new]").text()).isEqualTo("Soạn văn bản");
			assertThat(asSchool.select("a[href=/directives/new]")).isEmpty();
			assertThat(asSchool.select("a[href=/directives/register]")).isEmpty();
		}
		Document before = Jsoup.parse(officer.get("/directives?status=DRAFT").body());
		assertThat(before.select("#status option[selected]").attr("value")).isEqualTo("DRAFT");
		long id = draft(officer, sampleLetter());
		Document after = Jsoup.parse(officer.get("/directives?status=DRAFT").body());
		assertThat(after.select("li.list-group-item a[href=/directives/" + id + "]")).hasSize(1);
		assertThat(before.select("li.list-group-item a[href=/directives/" + id + "]")).isEmpty();
		assertThat(Jsoup.parse(officer.get("/directives?year=2021").body()).select("#year").attr("value"))
			.isEqualTo("2021");
	}

	@Test
	void twoPeopleEditingOneDraftGetAConflictInsteadOfALostUpdate() {
		PortalHttp first = login(this.dept.officer);
		long id = draft(first, sampleLetter());
		PortalHttp second = login(this.dept.officer);
		second.get("/directives/" + id + "/edit");
		first.get("/directives/" + id + "/edit");

		Map<String, String> firstChange = sampleLetter();
		firstChange.put("subject", "bản của người thứ nhất");
		firstChange.put("version", "0");
		assertThat(PortalHttp.location(first.post("/directives/" + id + "/edit", firstChange)))
			.isEqualTo("/directives/" + id);
		Map<String, String> secondChange = sampleLetter();
		secondChange.put("subject", "bản của người thứ hai");
		secondChange.put("version", "0");
		HttpResponse<String> conflict = second.post("/directives/" + id + "/edit", secondChange);

		assertThat(conflict.statusCode()).isEqualTo(200);
		assertThat(text(conflict)).contains("Văn bản vừa được người khác thay đổi");
		assertThat(Jsoup.parse(conflict.body()).select("#subject").val()).isEqualTo("bản của người thứ hai");
		assertThat(this.jdbc.sql("select subject from directive where id = ?").param(id).query(String.class).single())
			.isEqualTo("bản của người thứ nhất");
	}

	@Test
	void aRecalledDirectiveStaysInTheRegisterMarkedAndStopsBeingDue() throws IOException {
		PortalHttp officer = login(this.dept.officer);
		long id = draft(officer, sampleLetter());
		submit(officer, id);
		PortalHttp leader = login(this.dept.leader);
		publish(leader, id, Formats.dayMonthYear(this.formats.today()));
		// Printed once before the recall: the PDF printed then is not the one given
		// after.
		assertThat(pdfText(leader.download("/directives/" + id + ".pdf").body())).doesNotContain("ĐÃ THU HỒI");
		leader.get("/directives/" + id);
		HttpResponse<String> missingReason = leader.post("/directives/" + id + "/recall",
				Map.of("comment", " ", "version", String.valueOf(version(id))));
		assertThat(text(missingReason)).contains("Vui lòng nhập trường này.");

		assertThat(PortalHttp.location(leader.post("/directives/" + id + "/recall",
				Map.of("comment", "Thay bằng văn bản khác.", "version", String.valueOf(version(id))))))
			.isEqualTo("/directives/" + id);

		assertThat(this.jdbc.sql("select status from directive where id = ?").param(id).query(String.class).single())
			.isEqualTo("RECALLED");
		assertThat(this.jdbc.sql("select count(*) from assignment where directive_id = ? and withdrawn_at is null")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
		assertThat(text(leader.get("/directives/register"))).contains("01/SGD&ĐT-CTTT",
				"Đã thu hồi: Thay bằng văn bản khác.");
		HttpResponse<byte[]> workbook = leader
			.download("/directives/register.xlsx?year=" + String.valueOf(this.formats.today().getYear()));
		try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
			Sheet sheet = xlsx.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Số, ký hiệu văn bản");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("01/SGD&ĐT-CTTT");
			assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).contains("Đã thu hồi");
		}
		leader.get("/directives/" + id);
		assertThat(PortalHttp.location(leader.post("/directives/" + id + "/recall",
				Map.of("comment", "Lần nữa", "version", String.valueOf(version(id))))))
			.isEqualTo("/directives/" + id);
		assertThat(text(leader.get("/directives/" + id)))
			.contains("Chỉ sửa đổi hoặc thu hồi được văn bản đã ban hành.");
		assertThat(text(leader.get("/directives/" + id + "/print"))).contains("ĐÃ THU HỒI");
		assertThat(pdfText(leader.download("/directives/" + id + ".pdf").body())).contains("ĐÃ THU HỒI");
		assertThat(pdfText(login(this.dept.officer).download("/directives/" + id + ".pdf").body()))
			.contains("ĐÃ THU HỒI");
	}

	@Test
	void craftedDirectiveFormsGetTheFormBackWithMessagesAndNothingIsSaved() {
		PortalHttp officer = login(this.dept.officer);
		officer.get("/directives/new");
		int before = drafts();

		Map<String, String> farIndex = sampleLetter();
		farIndex.put("tasks[300].text", "Một nhiệm vụ rất xa.");
		farIndex.put("references[5000].title", "Một văn bản rất xa.");
		HttpResponse<String> far = officer.post("/directives", farIndex);
		assertThat(far.statusCode()).isEqualTo(400);
		assertThat(text(far)).contains("Yêu cầu không hợp lệ");

		Map<String, String> badChoice = sampleLetter();
		badChoice.put("urgency", "SIEU_TOC");
		badChoice.put("implementers[0]", "UNIT:999999999");
		badChoice.put("subject", "tăng cường\u0000 quản lý");
		HttpResponse<String> refused = officer.post("/directives", badChoice);
		assertThat(refused.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("#urgency + .invalid-feedback, #urgency ~ .invalid-feedback").text())
			.isEqualTo("Giá trị không hợp lệ.");
		assertThat(page.select("#subject").val()).isEqualTo("tăng cường quản lý");
		assertThat(drafts()).isEqualTo(before);
	}

	private int drafts() {
		return this.jdbc.sql("select count(*) from directive where drafting_unit_id = ?")
			.param(this.dept.division)
			.query(Integer.class)
			.single();
	}

	@Test
	void recipientsSeeWhatWasIssuedNotHowItWasDrafted() {
		PortalHttp officer = login(this.dept.officer);
		long id = draft(officer, sampleLetter());
		submit(officer, id);
		PortalHttp leader = login(this.dept.leader);
		leader.get("/directives/" + id);
		assertThat(PortalHttp.location(leader.post("/directives/" + id + "/return",
				Map.of("comment", "Đoạn 2 còn sơ sài, viết lại.", "version", String.valueOf(version(id))))))
			.isEqualTo("/directives/" + id);
		submit(officer, id);
		assertThat(PortalHttp.location(publish(leader, id, Formats.dayMonthYear(this.formats.today()))))
			.isEqualTo("/directives/" + id);

		assertThat(text(officer.get("/directives/" + id))).contains("Đoạn 2 còn sơ sài, viết lại.");
		String school = text(login(this.dept.schoolLeader).get("/directives/" + id));
		assertThat(school).contains("V/v tăng cường lãnh đạo").doesNotContain("Đoạn 2 còn sơ sài, viết lại.");
	}

	@Test
	void theRegisterViewedMoreTimesThanThePoolHoldsLeavesNoConnectionBehind() throws InterruptedException {
		PortalHttp leader = login(this.dept.leader);
		int views = this.dataSource.getMaximumPoolSize() + 5;
		for (int i = 0; i < views; i++) {
			assertThat(leader.get("/directives/register?year=2020").statusCode()).isEqualTo(200);
		}
		assertThat(leader.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(Pools.activeConnectionsAfterRequests(this.dataSource)).isZero();
	}

	@Test
	void anAmendmentMakesANewVersionAndTheOldOneStaysReadable() {
		PortalHttp officer = login(this.dept.officer);
		long id = draft(officer, sampleLetter());
		submit(officer, id);
		PortalHttp leader = login(this.dept.leader);
		publish(leader, id, Formats.dayMonthYear(this.formats.today()));

		Map<String, String> amendment = formFields(leader.get("/directives/" + id + "/edit"));
		assertThat(amendment).containsEntry("signerName", "La Thị Thúy").containsEntry("type", "CONG_VAN");
		amendment.put("subject", "tăng cường quản lý việc sử dụng mạng xã hội (sửa đổi)");
		HttpResponse<String> withoutNote = leader.post("/directives/" + id + "/edit", amendment);
		assertThat(Jsoup.parse(withoutNote.body()).select("#changeNote-error").text())
			.isEqualTo("Ghi rõ nội dung sửa đổi.");
		amendment.put("changeNote", "Sửa trích yếu.");
		HttpResponse<String> amended = leader.post("/directives/" + id + "/edit", amendment);
		assertThat(PortalHttp.location(amended)).as(() -> text(amended)).isEqualTo("/directives/" + id);

		assertThat(text(leader.get("/directives/" + id + "/versions/0/print")))
			.contains("V/v tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội")
			.doesNotContain("(sửa đổi)");
		assertThat(text(leader.get("/directives/" + id + "/versions/1/print")))
			.contains("V/v tăng cường quản lý việc sử dụng mạng xã hội (sửa đổi)", "Số: 01/SGD&ĐT-CTTT");
		assertThat(leader.get("/directives/" + id + "/versions/2/print").statusCode()).isEqualTo(404);
		assertThat(text(leader.get("/directives/" + id))).contains("Bản sửa đổi lần 1", "Sửa trích yếu.",
				"Đã sửa đổi 1 lần");
		officer.get("/directives/" + id);
		assertThat(officer.post("/directives/" + id + "/edit", amendment).statusCode()).as("an officer does not amend")
			.isEqualTo(403);
	}

	@Test
	void aDraftCanBeDeletedAPublishedDirectiveNever() {
		PortalHttp officer = login(this.dept.officer);
		long draft = draft(officer, sampleLetter());
		assertThat(PortalHttp.location(officer.post("/directives/" + draft + "/delete", Map.of("version", "0"))))
			.isEqualTo("/directives");
		assertThat(
				this.jdbc.sql("select count(*) from directive where id = ?").param(draft).query(Integer.class).single())
			.isZero();

		long published = draft(officer, sampleLetter());
		submit(officer, published);
		publish(login(this.dept.leader), published, Formats.dayMonthYear(this.formats.today()));
		officer.get("/directives/" + published);
		officer.post("/directives/" + published + "/delete", Map.of("version", String.valueOf(version(published))));
		assertThat(text(officer.get("/directives/" + published)))
			.contains("Chỉ sửa, trình hoặc xóa được văn bản đang là dự thảo.");
		assertThat(this.jdbc.sql("select count(*) from directive where id = ?")
			.param(published)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void searchIgnoresDiacriticsAndCoversTheTasks() {
		PortalHttp officer = login(this.dept.officer);
		Map<String, String> form = sampleLetter();
		form.put("subject", "kiểm tra đột xuất Đoàn thanh niên");
		long id = draft(officer, form);

		assertThat(officer.get("/directives?q=kiem+tra+dot+xuat+doan").body()).contains("/directives/" + id + "\"");
		assertThat(officer.get("/directives?q=thu+doan+chong+pha").body()).as("words of a task")
			.contains("/directives/" + id + "\"");
		assertThat(officer.get("/directives?q=khong+co+tu+nay+xyz").body()).doesNotContain("/directives/" + id + "\"");
	}

	@Test
	void theListFiltersByTypeStatusAndYearEachAloneAndTogether() {
		PortalHttp officer = login(this.dept.officer);
		String link = "/directives/" + draft(officer, sampleLetter()) + "\"";
		int year = this.formats.today().getYear();

		assertThat(officer.get("/directives?type=CONG_VAN").body()).contains(link);
		assertThat(officer.get("/directives?type=KE_HOACH").body()).doesNotContain(link);
		assertThat(officer.get("/directives?status=DRAFT").body()).contains(link);
		assertThat(officer.get("/directives?status=PUBLISHED").body()).doesNotContain(link);
		assertThat(officer.get("/directives?year=" + year).body()).as("a draft by the year it was made").contains(link);
		assertThat(officer.get("/directives?year=" + (year - 1)).body()).doesNotContain(link);
		assertThat(
				officer.get("/directives?type=CONG_VAN&status=DRAFT&year=" + year + "&issuer=" + this.dept.department)
					.body())
			.contains(link);
		assertThat(
				officer.get("/directives?type=CONG_VAN&status=DRAFT&year=" + year + "&issuer=" + this.dept.districtOne)
					.body())
			.doesNotContain(link);
	}

	@Test
	void theIssuerFilterOffersWhoIssuedWhatTheReaderSeesEvenWhenNothingMatches() {
		PortalHttp officer = login(this.dept.officer);
		long id = draft(officer, sampleLetter());
		String department = "<option value=\"" + this.dept.department + "\"";
		PortalHttp school = login(this.dept.schoolLeader);

		assertThat(Jsoup.parse(officer.get("/directives").body()).text()).as("a công văn reads V/v …")
			.contains("V/v tăng cường lãnh đạo");
		assertThat(officer.get("/directives").body()).contains(department);
		assertThat(officer.get("/directives?q=khong+co+tu+nay+xyz").body()).as("nothing matches the words")
			.contains(department)
			.doesNotContain("/directives/" + id + "\"");
		assertThat(officer.get("/directives?issuer=" + this.dept.department).body())
			.contains("/directives/" + id + "\"", department + " selected");
		assertThat(officer.get("/directives?issuer=" + this.dept.districtOne).body()).as("another issuer")
			.doesNotContain("/directives/" + id + "\"");
		assertThat(school.get("/directives").body()).as("a draft reaches nobody, nor does its issuer's name")
			.doesNotContain(department);

		submit(officer, id);
		publish(login(this.dept.leader), id, Formats.dayMonthYear(this.formats.today()));

		assertThat(school.get("/directives").body()).contains(department, "/directives/" + id + "\"");
	}

	@Test
	void theListShowsTwentyFivePerPageNewestFirstAndTheRestOnTheNextWithOrWithoutWords() {
		LocalDate first = this.formats.today().minusDays(60);
		List<Long> published = new ArrayList<>();
		for (int day = 0; day < 27; day++) {
			published.add(this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne),
					first.plusDays(day)));
		}
		List<Long> newestFirst = new ArrayList<>(published);
		Collections.reverse(newestFirst);
		PortalHttp school = login(this.dept.schoolLeader);

		for (String query : List.of("", "q=tang+cuong+lanh+dao&")) {
			Document page = Jsoup.parse(school.get("/directives?" + query).body());
			assertThat(listed(page)).as(query).containsExactlyElementsOf(newestFirst.subList(0, 25));
			Element newest = page.selectFirst("li.list-group-item");
			assertThat(newest.text()).contains("V/v tăng cường lãnh đạo", "Đã ban hành",
					"Sở Giáo dục và Đào tạo thử nghiệm · " + Formats.dayMonthYear(first.plusDays(26)));
			String next = page.select("a.page-link").last().attr("href");
			Document second = Jsoup.parse(school.get(next).body());
			assertThat(listed(second)).as(query + " the second page")
				.containsExactlyElementsOf(newestFirst.subList(25, 27));
			assertThat(second.select("option[value=" + this.dept.department + "]"))
				.as("the issuer offered on every page")
				.hasSize(1);
		}
		PortalHttp another = login(this.people.account(this.dept.upperSecondaryTwo, Role.UNIT_LEADER));
		assertThat(listed(Jsoup.parse(another.get("/directives").body()))).as("another school")
			.doesNotContainAnyElementsOf(published);
	}

	private static List<Long> listed(Document page) {
		return page.select("li.list-group-item a.fw-semibold")
			.stream()
			.map((link) -> Long.valueOf(link.attr("href").replaceAll("\\D", "")))
			.toList();
	}

	@Test
	void attachmentsAreRecognisedByContentAndDownloadedAsFiles() {
		PortalHttp officer = login(this.dept.officer);
		long id = draft(officer, sampleLetter());
		officer.get("/directives/" + id);
		byte[] pdf = TestPdfs.plain();
		assertThat(PortalHttp.location(officer.upload("/directives/" + id + "/attachments", "Phụ lục 1.pdf", pdf)))
			.startsWith("/directives/" + id);
		officer.get("/directives/" + id);
		officer.upload("/directives/" + id + "/attachments", "trang.pdf",
				"<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(text(officer.get("/directives/" + id))).contains("Tệp không phải PDF, DOCX hoặc XLSX",
				"Phụ lục 1.pdf", "SHA-256: ");
		Long attachment = this.jdbc.sql("select id from stored_file where owner_type = 'DIRECTIVE' and owner_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		HttpResponse<byte[]> download = officer.download("/directives/" + id + "/attachments/" + attachment);
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(
				login(this.dept.schoolLeader).download("/directives/" + id + "/attachments/" + attachment).statusCode())
			.isEqualTo(404);
	}

	/** The sample letter as the officer types it into the form. */
	private Map<String, String> sampleLetter() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "CONG_VAN");
		form.put("secrecy", "NONE");
		form.put("urgency", "NORMAL");
		form.put("authorityLine", "UBND TỈNH BẾN TRE");
		form.put("issuerName", "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
		form.put("issuerAbbreviation", "SGD&ĐT");
		form.put("draftingAbbreviation", "CTTT");
		form.put("place", "Bến Tre");
		form.put("subject", "tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội");
		form.put("opening", SampleLetter.OPENING);
		for (int i = 0; i < SampleLetter.TASKS.size(); i++) {
			form.put("tasks[" + i + "].text", SampleLetter.TASKS.get(i));
		}
		form.put("closing", SampleLetter.CLOSING);
		form.put("references[0].number", "2023-CV/BTGTU ngày 20/02/2020");
		form.put("references[0].title",
				"Công văn của Ban Tuyên giáo Tỉnh ủy về việc tăng cường lãnh đạo, quản lý việc sử dụng mạng xã hội");
		form.put("implementers[0]", "TYPE:DISTRICT_OFFICE");
		form.put("implementers[1]", "TYPE:UPPER_SECONDARY");
		form.put("implementers[2]", "TYPE:CONTINUING_EDUCATION");
		form.put("informed[0]", "UNIT:" + this.dept.department);
		form.put("addressees", SampleLetter.ADDRESSEES);
		form.put("otherRecipients", SampleLetter.OTHER_RECIPIENTS);
		form.put("archiveLine", "VT, CTTT");
		form.put("reportSchedule", "NONE");
		form.put("signerPrefix", "KT");
		form.put("signerFor", "GIÁM ĐỐC");
		form.put("signerPosition", "PHÓ GIÁM ĐỐC");
		form.put("signerName", "La Thị Thúy");
		form.put("contactEmail", "phongchinhtritutuong@bentre.edu.vn");
		form.put("contactPhone", "02753839977");
		return form;
	}

	private long draft(PortalHttp officer, Map<String, String> form) {
		officer.get("/directives/new");
		HttpResponse<String> created = officer.post("/directives", form);
		Matcher matcher = DIRECTIVE_ID.matcher(PortalHttp.location(created));
		assertThat(matcher.matches())
			.as(() -> "redirected to the new directive, not " + created.statusCode() + ": "
					+ Pattern.compile("invalid-feedback[^>]*>([^<]*)<|alert-danger[^>]*>([^<]*)<")
						.matcher(created.body())
						.results()
						.map(MatchResult::group)
						.toList())
			.isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private void submit(PortalHttp officer, long id) {
		officer.get("/directives/" + id);
		assertThat(PortalHttp
			.location(officer.post("/directives/" + id + "/submit", Map.of("version", String.valueOf(version(id))))))
			.isEqualTo("/directives/" + id);
		assertThat(status(id)).isEqualTo("PENDING_APPROVAL");
	}

	private HttpResponse<String> publish(PortalHttp leader, long id, String signedOn) {
		leader.get("/directives/" + id);
		return leader.post("/directives/" + id + "/publish",
				Map.of("signedOn", signedOn, "version", String.valueOf(version(id))));
	}

	private long version(long id) {
		return this.jdbc.sql("select version from directive where id = ?").param(id).query(Long.class).single();
	}

	private String status(long id) {
		return this.jdbc.sql("select status from directive where id = ?").param(id).query(String.class).single();
	}

	private int countDirectives() {
		return this.jdbc.sql("select count(*) from directive").query(Integer.class).single();
	}

	private PortalHttp login(String username) {
		return login(username, TestPeople.PASSWORD);
	}

	private PortalHttp login(String username, String password) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, password).statusCode()).isEqualTo(302);
		return http;
	}

	/**
	 * The fields a browser would send from the page's main form, as the page shows them.
	 */
	private static Map<String, String> formFields(HttpResponse<String> page) {
		assertThat(page.statusCode()).isEqualTo(200);
		Map<String, String> fields = new LinkedHashMap<>();
		for (org.jsoup.nodes.Element field : Jsoup.parse(page.body())
			.select("main form[method=post]")
			.first()
			.select("input[name], textarea[name], select[name]")) {
			String type = field.attr("type");
			boolean unchecked = type.equals("checkbox") && !field.hasAttr("checked");
			if (type.equals("file") || field.attr("name").startsWith("_") || unchecked) {
				continue;
			}
			String value = field.tagName().equals("select") ? field.select("option[selected]")
				.stream()
				.findFirst()
				.map((option) -> option.attr("value"))
				.orElse("") : (field.tagName().equals("textarea") ? field.wholeText() : field.val());
			fields.merge(field.attr("name"), value, (first, second) -> first + "," + second);
		}
		return fields;
	}

	/** What a page shows, as a reader sees it. */
	private static String text(HttpResponse<String> page) {
		return Jsoup.parse(page.body()).text();
	}

	private static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
		}
	}

}
