package vn.edu.portal.incident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.Browser;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.system.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone: a school leader files an incident with a screenshot; a department officer
 * accepts it and asks for information; the school answers; the officer resolves it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IncidentBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@TempDir
	Path folder;

	@Test
	void aSchoolFilesFromAPhoneAndTheDepartmentHandlesItThroughToResolution() throws Exception {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		Path screenshot = this.folder.resolve("chup-man-hinh.png");
		Files.write(screenshot, TestImages.png());
		String detected = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"))
			.minusHours(2)
			.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
		String page;
		try (Browser school = new Browser(this.port, Browser.PHONE)) {
			school.login(dept.schoolLeader, TestPeople.PASSWORD);
			school.open("/incidents").checkAccessibility();
			school.click(By.linkText("Báo cáo sự cố")).checkAccessibility();
			assertThat(school.text()).contains("gọi công an và Sở ngay", "Không tải lên ảnh hay video");
			school.type("detectedAt", detected);
			new Select(school.wait(ExpectedConditions.elementToBeClickable(By.id("platform"))))
				.selectByValue("FACEBOOK");
			school.type("urls", "https://www.facebook.com/trang.abc/posts/777?fbclid=xyz");
			school.click(By.cssSelector("input[name=category][value=CLIP]"));
			assertThat(school.value("severity3")).isEqualTo("3");
			assertThat(school.isChecked("severity3")).as("the category's default severity").isTrue();
			school.type("summary", "Clip hai học sinh lớp 10 đánh nhau, đang lan trong các nhóm phụ huynh.");
			new Select(school.wait(ExpectedConditions.elementToBeClickable(By.id("people0.role"))))
				.selectByValue("STUDENT");
			new Select(school.wait(ExpectedConditions.elementToBeClickable(By.id("people0.ageBand"))))
				.selectByValue("FROM_16_TO_17");
			school.type("people0.count", "2");
			school.type("names", "Nguyễn Văn A, Trần Văn B (10A3)");
			school.attach("evidence-files", screenshot);
			school.submit(By.cssSelector("button[name=action][value=submit]"));
			assertThat(school.text()).contains("Đã gửi sự cố cho Sở.", "Mới", "Mức 3 · Cao");
			page = school.path();

			try (Browser officer = new Browser(this.port, Browser.PHONE)) {
				officer.login(dept.officer, TestPeople.PASSWORD);
				officer.open("/incidents/triage").checkAccessibility();
				officer.click(By.cssSelector("a[href='" + page + "']")).checkAccessibility();
				officer.submit(By.cssSelector("form[action$='/accept'] button"));
				assertThat(officer.text()).contains("Đã tiếp nhận sự cố.", "Đã tiếp nhận");
				officer.click(By.cssSelector("details summary")).type("text", "Nhà trường đã đề nghị gỡ clip chưa?");
				officer.submit(By.cssSelector("form[action$='/ask'] button"));
				assertThat(officer.text()).contains("Đã gửi yêu cầu bổ sung cho đơn vị.", "Cần bổ sung");
			}

			school.open(page).checkAccessibility();
			assertThat(school.text()).contains("Nhà trường đã đề nghị gỡ clip chưa?", "Sở cần đơn vị bổ sung");
			school.type("body", "Đã đề nghị gỡ lúc 9 giờ; trang đã gỡ clip.");
			school.submit(By.cssSelector("form[action$='/comments'] button"));
			assertThat(school.text()).contains("Đã gửi ý kiến.", "Đang xử lý");
		}

		try (Browser officer = new Browser(this.port, Browser.PHONE)) {
			officer.login(dept.officer, TestPeople.PASSWORD);
			officer.open(page).checkAccessibility();
			assertThat(officer.text()).contains("Đã đề nghị gỡ lúc 9 giờ; trang đã gỡ clip.");
			officer.click(By.xpath("//summary[contains(., 'Ghi nhận đã xử lý')]"));
			new Select(officer.wait(ExpectedConditions.elementToBeClickable(By.id("resolution"))))
				.selectByValue("CONTENT_REMOVED");
			officer.type("note", "Clip đã được gỡ khỏi các trang.");
			officer.submit(By.cssSelector("form[action$='/resolve'] button"));
			assertThat(officer.text()).contains("Đã ghi nhận kết quả xử lý.", "Đã xử lý", "Nội dung đã được gỡ");
		}
		assertThat(this.jdbc.sql("select count(*) from stored_file where owner_type = 'INCIDENT' and owner_id = ?")
			.param(Long.parseLong(page.replaceAll("\\D", "")))
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aSchoolLeaderFilesOneIncidentAfterAnotherFromTheSameBrowser() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		try (Browser school = new Browser(this.port, Browser.PHONE)) {
			school.login(dept.schoolLeader, TestPeople.PASSWORD);
			fileNew(school, "Trang giả mạo trường đăng ảnh học sinh.", "Phạm Văn D");
			school.submit(By.cssSelector("button[name=action][value=submit]"));
			assertThat(school.text()).contains("Đã gửi sự cố cho Sở.");

			fileNew(school, "Nhóm chat lớp 8 lan truyền tin đồn về giáo viên.", "Hoàng Thị E");
			school.submit(By.cssSelector("button[name=action][value=save]"));
			assertThat(school.text()).contains("Đã lưu bản nháp.");

			fileNew(school, "Tài khoản lạ nhắn tin làm quen học sinh lớp 6.", "Vũ Văn G");
			school.submit(By.cssSelector("button[name=action][value=submit]"));
			assertThat(school.text()).contains("Đã gửi sự cố cho Sở.").doesNotContain("Sự cố này đã được gửi");

			school.open("/incidents/new");
			assertThat(school.value("summary")).as("nothing of a sent report comes back").isEmpty();
			assertThat(String.valueOf(school.script("return JSON.stringify(localStorage)")))
				.doesNotContain("Tài khoản lạ", "Vũ Văn G", "Hoàng Thị E");
		}
		assertThat(this.jdbc.sql("select summary || ':' || status from incident where unit_id = ? order by id")
			.param(dept.upperSecondaryOne)
			.query(String.class)
			.list()).containsExactly("Trang giả mạo trường đăng ảnh học sinh.:SUBMITTED",
					"Nhóm chat lớp 8 lan truyền tin đồn về giáo viên.:DRAFT",
					"Tài khoản lạ nhắn tin làm quen học sinh lớp 6.:SUBMITTED");
	}

	private static void fileNew(Browser school, String summary, String names) {
		String detected = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"))
			.minusHours(1)
			.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
		school.open("/incidents/new");
		assertThat(school.value("summary")).as("a new form starts empty").isEmpty();
		school.type("detectedAt", detected);
		new Select(school.wait(ExpectedConditions.elementToBeClickable(By.id("platform")))).selectByValue("FACEBOOK");
		school.type("urls", "https://www.facebook.com/groups/abc/posts/" + summary.length());
		school.click(By.cssSelector("input[name=category][value=XPVK]"));
		school.type("summary", summary);
		new Select(school.wait(ExpectedConditions.elementToBeClickable(By.id("people0.role"))))
			.selectByValue("STUDENT");
		new Select(school.wait(ExpectedConditions.elementToBeClickable(By.id("people0.ageBand"))))
			.selectByValue("FROM_16_TO_17");
		school.type("people0.count", "1");
		school.type("names", names);
	}

	@Test
	void aReportSentAfterTheSessionExpiredComesBackFilledAfterLogin() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		try (Browser school = new Browser(this.port, Browser.PHONE)) {
			school.login(dept.schoolLeader, TestPeople.PASSWORD);
			school.open("/incidents/new");
			school.type("urls", "https://www.tiktok.com/@abc/video/888");
			school.type("summary", "Video quay lén giờ kiểm tra, có khuôn mặt học sinh.");
			school.type("names", "Lê Thị C (11B2)");
			String key = school.valueOfName("formKey");
			assertThat(String.valueOf(school.script("return JSON.stringify(localStorage)")))
				.as("the browser keeps neither the form key nor the children's names")
				.contains("Video quay lén")
				.doesNotContain(key, "Lê Thị C");
			this.jdbc.sql("delete from spring_session where principal_name = ?").param(dept.schoolLeader).update();

			school.submit(By.cssSelector("button[name=action][value=save]"));
			assertThat(school.path()).startsWith("/login");
			assertThat(school.text()).contains("Phiên làm việc đã hết hạn");
			school.type("username", dept.schoolLeader).type("password", TestPeople.PASSWORD);
			school.submit(By.cssSelector("main form button[type=submit]"));

			assertThat(school.path()).startsWith("/incidents/new");
			assertThat(school.value("summary")).isEqualTo("Video quay lén giờ kiểm tra, có khuôn mặt học sinh.");
			assertThat(school.value("urls")).isEqualTo("https://www.tiktok.com/@abc/video/888");
			assertThat(school.valueOfName("formKey")).as("a restored copy never carries the old form's key")
				.isNotEqualTo(key);
			assertThat(school.value("names")).as("restricted names are never restored").isEmpty();
			assertThat(school.isDisplayed(By.cssSelector("[data-autosave-restored]"))).isTrue();
			assertThat(this.jdbc.sql("select count(*) from incident where unit_id = ?")
				.param(dept.upperSecondaryOne)
				.query(Integer.class)
				.single()).isZero();
		}
	}

}
