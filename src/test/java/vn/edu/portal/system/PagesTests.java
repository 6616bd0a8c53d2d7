package vn.edu.portal.system;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.thymeleaf.spring6.SpringTemplateEngine;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** Languages, the layout and the error pages, as a user sees them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(PagesTests.FailingController.class)
class PagesTests {

	@LocalServerPort
	int port;

	@Autowired
	SpringTemplateEngine templates;

	@Test
	void pagesReadWhatTheyShowThroughTheAccessorThatKeepsThymeleafsRule() {
		assertThat(this.templates.getEngineContextFactory()).isInstanceOf(ViewPropertyAccessor.EngineContexts.class);
	}

	@Test
	void vietnameseByDefaultEnglishBySwitcherRememberedInACookie() {
		PortalHttp http = new PortalHttp(this.port);

		String vietnamese = http.get("/login").body();
		assertThat(vietnamese).contains("<html lang=\"vi\">",
				"<title>Đăng nhập · Cổng chỉ đạo và báo cáo sự cố</title>", "Tên đăng nhập", "Mật khẩu");

		HttpResponse<String> switched = http.get("/login?lang=en");
		assertThat(switched.headers().allValues("Set-Cookie"))
			.anyMatch((cookie) -> cookie.startsWith("PORTAL_LANG=en"));
		assertThat(switched.body()).contains("<html lang=\"en\">", "Directive and Incident Portal", "Username");

		assertThat(http.get("/login").body()).as("remembered").contains("<html lang=\"en\">", "Log in");
		assertThat(http.get("/login?lang=fr").body()).as("only vi and en").contains("<html lang=\"vi\">");
		assertThat(http.get("/login?error&lang=en").body()).as("the switcher keeps the page's query")
			.contains("href=\"?error&amp;lang=vi\"", "Wrong username or password.");
	}

	@Test
	void theMenuShowsWhatTheRoleMayUse() {
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		PortalHttp school = new PortalHttp(this.port);
		school.login(TestAccounts.SCHOOL_LEADER, TestAccounts.DEMO_PASSWORD);

		assertThat(admin.get("/").body()).contains("href=\"/audit\"", "Quản trị hệ thống");
		assertThat(school.get("/").body()).doesNotContain("href=\"/audit\"").contains("Lãnh đạo đơn vị");
		assertThat(school.get("/audit").statusCode()).isEqualTo(403);
	}

	@Test
	void errorPagesSpeakBothLanguagesAndNeverShowInternals() {
		PortalHttp http = new PortalHttp(this.port);
		http.login(TestAccounts.DEPARTMENT_OFFICER, TestAccounts.DEMO_PASSWORD);

		HttpResponse<String> notFound = http.get("/no-such-page");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.body()).contains("Không tìm thấy trang");

		HttpResponse<String> forbidden = http.get("/audit");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("Không có quyền truy cập");

		HttpResponse<String> conflict = http.get("/test-failures/conflict");
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.body()).contains("Dữ liệu đã bị thay đổi");

		HttpResponse<String> failure = http.get("/test-failures/crash");
		assertThat(failure.statusCode()).isEqualTo(500);
		assertThat(failure.body()).contains("Hệ thống đang gặp sự cố")
			.doesNotContain("select secret", "Exception", "at vn.edu");

		http.get("/?lang=en");
		assertThat(http.get("/no-such-page").body()).contains("<html lang=\"en\">", "Page not found");
		assertThat(http.get("/test-failures/crash").body()).contains("The system has a problem")
			.doesNotContain("select secret");
	}

	@Controller
	static class FailingController {

		@GetMapping("/test-failures/conflict")
		String conflict() {
			throw new OptimisticLockingFailureException("row was updated by another transaction");
		}

		@GetMapping("/test-failures/crash")
		String crash() {
			throw new IllegalStateException("ERROR: select secret from account");
		}

	}

}
