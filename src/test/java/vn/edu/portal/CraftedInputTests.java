package vn.edu.portal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a crafted request sends where a browser never would: a NUL character in every
 * parameter of every page without an id, read by each kind of account, and the error page
 * asked for directly. Each ends on a page, never on the error page of a server fault.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CraftedInputTests {

	/** Parameters the pages read, each given a NUL character. */
	private static final String ODD = "?q=%00&unit=%00&year=%00&page=%00&status=%00&period=%00&type=%00&from=%00"
			+ "&to=%00&category=%00&severity=%00&directive=%00&view=%00&lang=%00";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void aNulCharacterInAnyParameterOfAnyPageGetsAPage() {
		List<String> routes = getRoutesWithoutVariables();
		assertThat(routes).contains("/incidents", "/directives", "/inbox", "/admin/units", "/admin/users",
				"/units/lookup");
		Map<String, String> accounts = Map.of(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD,
				TestAccounts.DEPARTMENT_LEADER, TestAccounts.DEMO_PASSWORD, TestAccounts.DEPARTMENT_OFFICER,
				TestAccounts.DEMO_PASSWORD, TestAccounts.SCHOOL_LEADER, TestAccounts.DEMO_PASSWORD,
				TestAccounts.SCHOOL_STAFF, TestAccounts.DEMO_PASSWORD);
		SoftAssertions.assertSoftly((softly) -> accounts.forEach((username, password) -> {
			PortalHttp http = new PortalHttp(this.port);
			http.login(username, password);
			for (String route : routes) {
				HttpResponse<String> response = http.get(route + ODD);
				softly.assertThat(response.statusCode()).as(username + " " + route).isLessThan(500);
				boolean page = response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
				softly.assertThat(page && response.body().contains("??"))
					.as(username + " " + route + " shows a message key")
					.isFalse();
			}
		}));
	}

	@Test
	void theErrorPageAskedForDirectlyIsAPage() {
		PortalHttp anonymous = new PortalHttp(this.port);
		assertThat(anonymous.get("/error").statusCode()).isLessThan(500);
		PortalHttp officer = new PortalHttp(this.port);
		officer.login(TestAccounts.DEPARTMENT_OFFICER, TestAccounts.DEMO_PASSWORD);
		HttpResponse<String> error = officer.get("/error");
		assertThat(error.statusCode()).isLessThan(500);
		assertThat(error.body()).doesNotContain("??", "Exception", "SQL");
	}

	private List<String> getRoutesWithoutVariables() {
		return Routes.of(this.mappings)
			.stream()
			.filter((route) -> route.method() == RequestMethod.GET && route.variables().isEmpty())
			.map(Routes.Route::pattern)
			.filter((pattern) -> !pattern.equals("/error"))
			.toList();
	}

}
