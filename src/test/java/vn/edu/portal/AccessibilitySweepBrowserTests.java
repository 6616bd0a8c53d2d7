package vn.edu.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Dimension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main page of every role, on the demo data, at desktop and phone sizes: axe-core
 * finds no serious or critical violation ({@link Browser#open} checks each page).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessibilitySweepBrowserTests {

	private static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put(TestAccounts.SCHOOL_LEADER,
				List.of("/", "/inbox", "/directives", "/incidents", "/incidents/new", "/dashboard", "/notifications",
						"/account", "/account/tokens", "/account/sessions", "/account/password"));
		PAGES.put(TestAccounts.SCHOOL_STAFF, List.of("/", "/inbox", "/incidents"));
		PAGES.put(TestAccounts.DEPARTMENT_OFFICER,
				List.of("/", "/directives", "/directives/new", "/incidents/triage", "/reports/review", "/dashboard",
						"/dashboard?kind=MONTH", "/directives/import", "/directives/register"));
		PAGES.put(TestAccounts.DEPARTMENT_LEADER,
				List.of("/", "/directives", "/dashboard", "/audit", "/directives/register"));
		PAGES.put(TestAccounts.ADMIN,
				List.of("/", "/admin/users", "/admin/units", "/admin/outbox", "/audit", "/admin/holidays"));
	}

	@LocalServerPort
	int port;

	static Stream<Arguments> rolesAndSizes() {
		return Stream.of(Browser.DESKTOP, Browser.PHONE)
			.flatMap((size) -> PAGES.keySet().stream().map((username) -> Arguments.of(username, size)));
	}

	/** One role at one size: a test each, so that a slow machine times out none. */
	@ParameterizedTest(name = "{0} at {1}")
	@MethodSource("rolesAndSizes")
	void everyMainPageOfTheRole(String username, Dimension size) {
		int checked = 0;
		try (Browser browser = new Browser(this.port, size)) {
			browser.login(username,
					username.equals(TestAccounts.ADMIN) ? TestAccounts.ADMIN_PASSWORD : TestAccounts.DEMO_PASSWORD);
			for (String page : PAGES.get(username)) {
				browser.open(page);
				assertThat(browser.path()).as("%s opens %s", username, page).startsWith(page);
				checked++;
			}
		}
		assertThat(checked).isEqualTo(PAGES.get(username).size());
	}

}
