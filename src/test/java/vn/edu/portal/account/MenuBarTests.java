package vn.edu.portal.account;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The menu bar is rendered once for what it shows and kept ({@link MenuBar}): every page
 * still shows its reader's own name, their figures as they are now and the language they
 * asked for, never another reader's bar, and signs out with the page's own token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MenuBarTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Formats formats;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Test
	void everyPageShowsItsReadersOwnBarWithTheFiguresAsTheyAreNow() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		this.directives.publishSampleTo(dept, List.of(dept.upperSecondaryOne), this.formats.today());
		String colleague = this.people.account(dept.upperSecondaryOne, Role.UNIT_LEADER);
		this.jdbc.sql("update account set full_name = 'Trần Thị Bình' where username = ?").param(colleague).update();
		// The same name and roles as the school's leader, in a school that received
		// nothing.
		String namesake = this.people.account(dept.upperSecondaryTwo, Role.UNIT_LEADER);

		PortalHttp leader = login(dept.schoolLeader);
		for (int view = 0; view < 2; view++) {
			Document inbox = page(leader, "/inbox");
			assertThat(unread(inbox)).as("view " + view).isEqualTo("1");
			assertThat(name(inbox)).isEqualTo("Người Thử UNIT_LEADER");
		}
		assertThat(unread(page(login(namesake), "/inbox"))).as("the namesake's own figure").isEmpty();
		Document colleagues = page(login(colleague), "/inbox");
		assertThat(name(colleagues)).isEqualTo("Trần Thị Bình");
		assertThat(unread(colleagues)).isEqualTo("1");

		long own = this.jdbc.sql("select id from assignment where unit_id = ?")
			.param(dept.upperSecondaryOne)
			.query(Long.class)
			.single();
		leader.get("/inbox/" + own);
		assertThat(unread(page(leader, "/inbox"))).as("read").isEmpty();
		this.directives.publishSampleTo(dept, List.of(dept.upperSecondaryOne), this.formats.today());
		assertThat(unread(page(leader, "/directives"))).as("a second directive").isEqualTo("1");

		Document english = page(leader, "/inbox?lang=en");
		assertThat(english.select("html").attr("lang")).isEqualTo("en");
		assertThat(english.select("header a[href='/inbox']").text()).isEqualTo("Inbox 1");
		assertThat(english.select("header a[hreflang=vi]").attr("href")).isEqualTo("?lang=vi");
		assertThat(name(english)).isEqualTo("Người Thử UNIT_LEADER");
		Document vietnamese = page(leader, "/inbox?page=1&lang=vi");
		assertThat(vietnamese.select("header a[href='/inbox']").text()).isEqualTo("Văn bản đến 1");
		assertThat(vietnamese.select("header a[hreflang=en]").attr("href")).isEqualTo("?page=1&lang=en");
	}

	@Test
	void theBarHoldsNoTokenAndSignsOutWithThePagesOwn() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		PortalHttp leader = login(dept.schoolLeader);
		Document first = page(leader, "/inbox");
		Document second = page(leader, "/inbox");

		assertThat(first.select("header input")).as("no token in the kept bar").isEmpty();
		assertThat(first.select("form#signout").attr("action")).isEqualTo("/logout");
		String token = first.select("input[form=signout][name=_csrf]").val();
		assertThat(token).isNotBlank().isNotEqualTo(second.select("input[form=signout][name=_csrf]").val());

		assertThat(PortalHttp.location(leader.postRaw("/logout", Map.of("_csrf", token)))).isEqualTo("/login?logout");
		assertThat(PortalHttp.location(leader.get("/inbox"))).as("signed out").endsWith("/login");
	}

	/**
	 * An error page is rendered without its handler's model: it draws the bar from the
	 * same fragment, with the reader's name, and signs out with its own token.
	 */
	@Test
	void anErrorPageDrawsTheBarItselfAndSignsOut() {
		TestDepartment dept = new TestDepartment(this.jdbc, this.people);
		PortalHttp leader = login(dept.schoolLeader);
		var missing = leader.get("/directives/999999999");
		assertThat(missing.statusCode()).isEqualTo(404);
		Document error = Jsoup.parse(missing.body());

		assertThat(name(error)).isEqualTo("Người Thử UNIT_LEADER");
		assertThat(error.select("header a[href='/inbox']")).isNotEmpty();
		String token = error.select("input[form=signout][name=_csrf]").val();
		assertThat(token).isNotBlank();
		assertThat(PortalHttp.location(leader.postRaw("/logout", Map.of("_csrf", token)))).isEqualTo("/login?logout");
	}

	private Document page(PortalHttp http, String path) {
		var response = http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static String unread(Document page) {
		return page.select("header a[href='/inbox'] .badge").text();
	}

	private static String name(Document page) {
		return page.select("header form#signout .visually-hidden").text();
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, TestPeople.PASSWORD).statusCode()).isEqualTo(302);
		return http;
	}

}
