package vn.edu.portal;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.edu.portal.PopulatedDepartment.Request;
import vn.edu.portal.Routes.Route;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the portal, opened by the people of a Department in each of their roles,
 * then, all at once, by those it opens for, until it has been opened once more than the
 * connection pool has connections: no page answers 500, none keeps a database connection,
 * and the portal is up afterwards. The pages come from Spring's handler mappings, so a
 * page added tomorrow is opened tomorrow; one whose path names something this test cannot
 * give fails it until {@link PopulatedDepartment} says what it names.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RouteSoakTests {

	/**
	 * Pages that no one opens by asking for them, and why. They are asked for all the
	 * same, and must neither fail nor keep a connection.
	 */
	private static final Map<String, String> OPENED_BY_NOBODY = Map.of("GET /error",
			"where the server forwards a request that failed; asked for directly, it is not found", "GET /login/reset",
			"password reset by e-mail, off while the portal has no mail server (as here)", "GET /login/reset/{token}",
			"the same, with a link's token");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Autowired
	Formats formats;

	@Test
	void everyPageOpenedMoreTimesThanThePoolHoldsAnswersAndGivesItsConnectionBack() throws Exception {
		HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
		int views = hikari.getMaximumPoolSize() + 1;
		PopulatedDepartment data = new PopulatedDepartment(this.port, this.jdbc, this.people, this.directives,
				this.formats.today());
		Map<String, PortalHttp> roles = new LinkedHashMap<>();
		data.insiders().forEach((role, username) -> roles.put(role, data.login(username)));
		PortalHttp installation = new PortalHttp(this.port);
		installation.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		roles.put("administrator of the installation", installation);
		List<Route> pages = Routes.of(this.mapping)
			.stream()
			.filter((route) -> route.method() == RequestMethod.GET)
			.toList();
		assertThat(pages).extracting(Route::toString)
			.as("the pages come from the handler mappings")
			.contains("GET /directives/register", "GET /incidents/{id}", "GET /dashboard");

		List<String> problems = new ArrayList<>();
		int held = Pools.activeConnectionsAfterRequests(hikari);
		for (Route page : pages) {
			Request request;
			try {
				request = data.request(page);
			}
			catch (IllegalStateException unknown) {
				problems.add(unknown.getMessage());
				continue;
			}
			Map<String, Integer> answers = new LinkedHashMap<>();
			List<PortalHttp> openers = new ArrayList<>();
			roles.forEach((role, http) -> {
				int status = request.send(http).statusCode();
				answers.put(role, status);
				if (status < 400) {
					openers.add(http);
				}
			});
			if (Pools.activeConnectionsAfterRequests(hikari, held) == held) {
				List<PortalHttp> senders = openers.isEmpty() ? List.copyOf(roles.values()) : openers;
				AtomicInteger next = new AtomicInteger();
				List<Integer> burst = Concurrently.times(Math.max(1, views - openers.size()),
						() -> request.send(senders.get(next.getAndIncrement() % senders.size())).statusCode());
				for (int i = 0; i < burst.size(); i++) {
					if (burst.get(i) >= 500) {
						answers.put("at once " + (i + 1), burst.get(i));
					}
				}
			}
			if (answers.values().stream().anyMatch((status) -> status >= 500)) {
				problems.add(request + " answers " + answers);
			}
			else if (openers.isEmpty() && !OPENED_BY_NOBODY.containsKey(page.toString())) {
				problems.add(request + " is opened by no role: " + answers);
			}
			int now = Pools.activeConnectionsAfterRequests(hikari, held);
			if (now > held) {
				problems.add(request + " keeps " + (now - held) + " database connection(s) after its answer");
				held = now;
			}
			if (held * 2 >= hikari.getMaximumPoolSize()) {
				problems.add("stopped: half the connection pool is kept");
				break;
			}
		}

		assertThat(problems).as("pages that fail").isEmpty();
		HttpResponse<String> health = new PortalHttp(this.port).get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(Pools.activeConnectionsAfterRequests(hikari)).as("connections in use after every page").isZero();
	}

}
