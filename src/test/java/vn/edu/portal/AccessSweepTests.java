package vn.edu.portal;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that names a unit or a thing of a unit, asked for the things of one school
 * by people who may not see them: the leader of another school of its district, the
 * leader of another district office, the leader and an officer of another Department, and
 * the system administrator of another province. Each is answered 404 or 403 (a list
 * filtered by the school may answer, holding none of its things; a form may come back
 * refused), and nothing in the database changes. The routes on one's own things (marking
 * notifications read, the e-mail preference, the profile, a unit's settings) are sent by
 * each of them too, and leave the school's people's things as they were. The routes come
 * from the handler mappings: a route added tomorrow is tried tomorrow.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessSweepTests {

	/**
	 * Tables that change while nobody asks: sessions, scheduler locks, what the jobs of
	 * notifications write (for the school's people, their rows are compared); the
	 * dashboard's summaries, which follow the tables they sum up; and the migrations.
	 */
	private static final Set<String> CHANGING_ON_THEIR_OWN = Set.of("spring_session", "spring_session_attributes",
			"shedlock", "flyway_schema_history", "notification", "outbox_mail", "mail_address_problem", "reminder_sent",
			"compliance_unit_today", "compliance_fact", "compliance_day", "compliance_month", "import_credentials",
			"passkey_registration");

	/**
	 * Routes whose variable names nobody's thing: a password reset link (wrong, used and
	 * expired links are tried in PasswordResetTests).
	 */
	private static final Set<String> NOBODYS = Set.of("GET /login/reset/{token}");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Autowired
	Formats formats;

	@Test
	void everyRouteToAnotherUnitsThingsAnswers404Or403AndChangesNothing() {
		PopulatedDepartment data = new PopulatedDepartment(this.port, this.jdbc, this.people, this.directives,
				this.formats.today());
		long neighbour = data.dept.unit("THCSB", "Trường THCS Bên Cạnh", "LOWER_SECONDARY", data.dept.districtOne);
		long otherDepartment = data.dept.unit("SGDK", "Sở Giáo dục và Đào tạo tỉnh khác", "DEPARTMENT", null);
		Map<String, String> outsiders = new LinkedHashMap<>();
		outsiders.put("a school of the same district", this.people.account(neighbour, Role.UNIT_LEADER));
		outsiders.put("another district", this.people.account(data.dept.districtTwo, Role.UNIT_LEADER));
		outsiders.put("another Department's leader", this.people.account(otherDepartment, Role.DEPARTMENT_LEADER));
		outsiders.put("another Department's officer", this.people.account(otherDepartment, Role.DEPARTMENT_OFFICER));
		outsiders.put("another province's administrator", this.people.account(otherDepartment, Role.SYSTEM_ADMIN));
		Map<String, PortalHttp> attackers = new LinkedHashMap<>();
		outsiders.forEach((who, username) -> attackers.put(who, data.login(username)));
		Map<String, PortalHttp> insiders = new LinkedHashMap<>();
		for (String who : List.of("department leader", "school leader", "system administrator")) {
			insiders.put(who, data.login(data.insiders().get(who)));
		}

		Sweep sweep = new Sweep(data, attackers, insiders, new DatabaseSnapshot(this.jdbc, everything(data, outsiders)),
				new DatabaseSnapshot(this.jdbc, theirs(data)));
		List<Route> routes = Routes.of(this.mapping);
		for (Route route : routes) {
			if (NOBODYS.contains(route.toString())) {
				continue;
			}
			if (!route.variables().isEmpty() || !PopulatedDepartment.references(route).isEmpty()) {
				sweep.named(route);
			}
			else if (route.method() == RequestMethod.POST) {
				sweep.own(route);
			}
		}

		assertThat(sweep.tried).as("the routes come from the handler mappings")
			.contains("POST /inbox/{id}/forward", "POST /inbox/{id}/reports/{period}/files",
					"POST /incidents/{id}/escalate", "POST /directives/{id}/return", "POST /notifications/read",
					"POST /notifications/preference", "POST /admin/users/{id}/enable", "POST /admin/users/{id}/unlock",
					"GET /dashboard");
		assertThat(sweep.problems).as("routes that let another unit in").isEmpty();
	}

	/**
	 * Every table, but that the outsiders' own forms and their own lines of the audit
	 * trail may grow (a refused form may keep its holding place; an export of one's own
	 * scope is audited); the notifications and e-mails of the school's people.
	 */
	private Map<String, String> everything(PopulatedDepartment data, Map<String, String> outsiders) {
		Map<String, String> tables = DatabaseSnapshot.allTablesBut(this.jdbc, CHANGING_ON_THEIR_OWN);
		String accounts = outsiders.values()
			.stream()
			.map((username) -> String.valueOf(data.accountId(username)))
			.collect(Collectors.joining(", "));
		String usernames = outsiders.values()
			.stream()
			.map((username) -> "'" + username + "'")
			.collect(Collectors.joining(", "));
		long lastAudit = this.jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
		tables.put("incident_form", "t.account_id not in (" + accounts + ")");
		tables.put("audit_event", "t.id > " + lastAudit + " and t.actor not in (" + usernames + ")");
		theirs(data).forEach(tables::putIfAbsent);
		return tables;
	}

	/** The things of the school's people: their accounts, messages and settings. */
	private Map<String, String> theirs(PopulatedDepartment data) {
		String accounts = data.insiders()
			.values()
			.stream()
			.map((username) -> String.valueOf(data.accountId(username)))
			.collect(Collectors.joining(", "));
		return Map.of("account", "t.id in (" + accounts + ")", "notification", "t.account_id in (" + accounts + ")",
				"notification_preference", "t.account_id in (" + accounts + ")", "outbox_mail",
				"t.account_id in (" + accounts + ")", "incident_unit_setting", "t.unit_id = " + data.school,
				"directive_register", "t.issuer_unit_id = " + data.dept.department);
	}

	/** The requests of the routes and what was wrong with their answers. */
	private static final class Sweep {

		final List<String> tried = new ArrayList<>();

		final List<String> problems = new ArrayList<>();

		private final PopulatedDepartment data;

		private final Map<String, PortalHttp> attackers;

		private final Map<String, PortalHttp> insiders;

		private final DatabaseSnapshot everything;

		private final DatabaseSnapshot theirs;

		private final List<Pattern> links;

		Sweep(PopulatedDepartment data, Map<String, PortalHttp> attackers, Map<String, PortalHttp> insiders,
				DatabaseSnapshot everything, DatabaseSnapshot theirs) {
			this.data = data;
			this.attackers = attackers;
			this.insiders = insiders;
			this.everything = everything;
			this.theirs = theirs;
			this.links = data.links();
		}

		/**
		 * A route that names a unit or a thing: each outsider is refused, and nothing
		 * changes. Then the people of the Department get what the route gives (a page; a
		 * new thing made by the same form), so that the refusals are not those of a wrong
		 * request.
		 */
		void named(Route route) {
			Request request = request(route);
			if (request == null) {
				return;
			}
			boolean byPath = !route.variables().isEmpty();
			Map<String, String> before = this.everything.take();
			this.attackers.forEach((who, http) -> {
				HttpResponse<String> answer = request.send(http);
				int status = answer.statusCode();
				boolean refused = status == 403 || status == 404;
				boolean emptied = !byPath && (route.method() == RequestMethod.GET ? status < 300 : status == 200)
						&& this.links.stream().noneMatch((link) -> link.matcher(answer.body()).find());
				if (!refused && !emptied) {
					this.problems.add(request + " by " + who + " answers " + status
							+ ((status < 400) ? shown(answer.body()) : ""));
				}
			});
			changes(request, before, this.everything);
			if (route.method() == RequestMethod.GET || !byPath) {
				Request again = this.data.request(route);
				Map<String, Integer> answers = new LinkedHashMap<>();
				boolean taken = false;
				for (Map.Entry<String, PortalHttp> insider : this.insiders.entrySet()) {
					Map<String, String> beforeInsider = this.everything.take();
					int status = again.send(insider.getValue()).statusCode();
					answers.put(insider.getKey(), status);
					taken = (route.method() == RequestMethod.GET) ? status < 400
							: !DatabaseSnapshot.changes(beforeInsider, this.everything.take()).isEmpty();
					if (taken) {
						break;
					}
				}
				if (!taken) {
					this.problems.add(again + " is not taken from the Department's people either: " + answers);
				}
			}
		}

		/**
		 * A route on one's own things: whatever each outsider gets (never a 500), the
		 * school's people's things stay as they were.
		 */
		void own(Route route) {
			Request request = request(route);
			if (request == null) {
				return;
			}
			Map<String, String> before = this.theirs.take();
			this.attackers.forEach((who, http) -> {
				int status = request.send(http).statusCode();
				if (status >= 500) {
					this.problems.add(request + " by " + who + " answers " + status);
				}
			});
			changes(request, before, this.theirs);
		}

		private Request request(Route route) {
			this.tried.add(route.toString());
			try {
				return this.data.request(route);
			}
			catch (IllegalStateException unknown) {
				this.problems.add(unknown.getMessage());
				return null;
			}
		}

		private void changes(Request request, Map<String, String> before, DatabaseSnapshot snapshot) {
			List<String> changed = DatabaseSnapshot.changes(before, snapshot.take());
			if (!changed.isEmpty()) {
				this.problems.add(request + " by outsiders changes " + changed);
			}
		}

		/** What of the school's things a page shows. */
		private String shown(String body) {
			List<String> found = this.links.stream()
				.map((link) -> link.matcher(body))
				.filter(java.util.regex.Matcher::find)
				.map(java.util.regex.Matcher::group)
				.toList();
			return found.isEmpty() ? "" : ", showing " + found;
		}

	}

}
