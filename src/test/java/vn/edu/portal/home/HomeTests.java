package vn.edu.portal.home;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import vn.edu.portal.TestAccounts;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Việc cần làm" for each role: on a small Department built for the test, exactly the
 * work of the account's unit or scope, the most urgent first, with a count per group; and
 * on the demo data, nothing of another unit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HomeTests {

	private static final Pattern INBOX = Pattern.compile("^/inbox/(\\d+)(/reports/.*)?$");

	private static final Pattern INCIDENT = Pattern.compile("^/incidents/(\\d+)(/edit)?$");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Autowired
	Formats formats;

	TestDepartment dept;

	long toBoth;

	long toTheOtherSchool;

	long serious;

	@BeforeEach
	void department() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		LocalDate today = this.formats.today();
		this.toBoth = this.directives.publishWithReport(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo), today, today.plusDays(3));
		this.toTheOtherSchool = this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryTwo), today);
		// The other school is a day late acknowledging the second directive.
		this.jdbc.sql("update assignment set acknowledge_by = ? where directive_id = ?")
			.params(today.minusDays(1), this.toTheOtherSchool)
			.update();
		long reporter = account(this.dept.schoolLeader);
		incident(this.dept.upperSecondaryOne, "NEEDS_INFO", 2, reporter, "Cần bổ sung ở trường Một");
		incident(this.dept.upperSecondaryTwo, "NEEDS_INFO", 2, reporter, "Cần bổ sung ở trường Hai");
		this.serious = incident(this.dept.upperSecondaryOne, "SUBMITTED", 3, reporter, "Sự cố mức ba chờ tiếp nhận");
		this.directives.submitted(this.dept, List.of(this.dept.upperSecondaryOne));
		this.directives.draftSample(this.dept);
		long otherSchool = this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(this.toBoth, this.dept.upperSecondaryTwo)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into report (assignment_id, period_due, status, revision, updated_at, updated_by, submitted_at,
				                    submitted_by, submitted_late)
				values (?, ?, 'SUBMITTED', 1, now(), ?, now(), ?, false)
				""").params(otherSchool, today.plusDays(3), reporter, reporter).update();
	}

	@Test
	void aSchoolLeaderSeesItsSchoolsWorkOnlyTheMostUrgentFirst() {
		Document home = home(this.dept.schoolLeader);
		assertThat(items(home, "acknowledge")).as("only the directive sent to the school")
			.containsExactly("Xác nhận tiếp nhận " + line(this.toBoth));
		assertThat(home.select("#todo-acknowledge .todo-deadline").text()).matches("Còn \\d ngày làm việc|Hạn hôm nay");
		assertThat(home.select("#todo-acknowledge .todo-count").text()).isEqualTo("1");
		assertThat(items(home, "reports")).containsExactly("Nộp báo cáo " + line(this.toBoth));
		assertThat(items(home, "incidentAnswer")).containsExactly("Trả lời yêu cầu bổ sung Cần bổ sung ở trường Một");
		assertThat(home.select(".todo-group").eachAttr("id")).as("a school leader's groups only")
			.containsExactly("todo-acknowledge", "todo-reports", "todo-incidentAnswer");
		assertThat(home.text()).doesNotContain("trường Hai", number(this.toTheOtherSchool));
		assertThat(home.select("#nothing-to-do")).isEmpty();

		String staff = this.people.account(this.dept.upperSecondaryOne, Role.UNIT_STAFF);
		assertThat(items(home(staff), "acknowledge")).as("the staff prepares the same")
			.containsExactly("Xác nhận tiếp nhận " + line(this.toBoth));
	}

	@Test
	void theOtherSchoolSeesItsLateAcknowledgementFirst() {
		Document home = home(this.people.account(this.dept.upperSecondaryTwo, Role.UNIT_LEADER));
		assertThat(items(home, "acknowledge")).containsExactly("Xác nhận tiếp nhận " + line(this.toTheOtherSchool),
				"Xác nhận tiếp nhận " + line(this.toBoth));
		assertThat(home.select("#todo-acknowledge .todo-deadline").first().text()).isEqualTo("Quá hạn 1 ngày làm việc");
		assertThat(home.select("#todo-reports")).as("its report is submitted").isEmpty();
	}

	@Test
	void anOfficerSeesWhatToTriageReviewAndDraftAndTheUnitsOverdue() {
		Document home = home(this.dept.officer);
		assertThat(items(home, "incidentTriage"))
			.containsExactly("Tiếp nhận sự cố mức 3 Trường THPT Một · Sự cố mức ba chờ tiếp nhận");
		assertThat(home.select("#todo-incidentTriage a").attr("href")).isEqualTo("/incidents/" + this.serious);
		assertThat(items(home, "review"))
			.containsExactly("Duyệt báo cáo Trường THPT Hai · " + number(this.toBoth) + " · " + subject(this.toBoth));
		assertThat(items(home, "directiveDrafts")).hasSize(1).allMatch((item) -> item.startsWith("Hoàn thành dự thảo"));
		assertThat(items(home, "overdueUnits")).containsExactly("Nhắc 1 việc quá hạn Trường THPT Hai");
		assertThat(home.select(".todo-group").eachAttr("id")).containsExactly("todo-incidentTriage", "todo-review",
				"todo-overdueUnits", "todo-directiveDrafts");
	}

	@Test
	void aDepartmentLeaderSeesWhatAwaitsApprovalTheSeriousIncidentsAndTheScore() {
		Document home = home(this.dept.leader);
		assertThat(items(home, "directiveApproval")).hasSize(1)
			.allMatch((item) -> item.startsWith("Duyệt và ban hành"));
		assertThat(items(home, "incidentSerious"))
			.containsExactly("Theo dõi sự cố mức 3 Trường THPT Một · Sự cố mức ba chờ tiếp nhận");
		String dashboardScore = Jsoup.parse(login(this.dept.leader).get("/dashboard").body()).select("#score").text();
		assertThat(items(home, "score")).as("the dashboard's score, %s", dashboardScore)
			.singleElement()
			.satisfies((score) -> assertThat(score).matches("Điểm " + Pattern.quote(dashboardScore) + "\\D.*")
				.endsWith("Sở Giáo dục và Đào tạo thử nghiệm"));
	}

	@Test
	void anAdministratorSeesLockedAccountsAndUnitsWithoutALeader() {
		String locked = this.people.account(this.dept.centre, Role.UNIT_STAFF);
		this.jdbc.sql("update account set locked_until = now() + interval '1 hour' where username = ?")
			.param(locked)
			.update();
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		Document home = Jsoup.parse(admin.get("/").body());
		assertThat(items(home, "accounts")).as("locked accounts first")
			.first()
			.asString()
			.startsWith("Tài khoản đang bị khóa");
		assertThat(Long.parseLong(home.select("#todo-accounts .todo-count").text())).isEqualTo(this.jdbc.sql("""
				select count(*) from account a
				where a.enabled and (a.locked_until > now() or a.last_login_at is null)
				""").query(Long.class).single());
		assertThat(Long.parseLong(home.select("#todo-unitsWithoutLeader .todo-count").text()))
			.isEqualTo(this.jdbc.sql("""
					select count(*) from unit u where u.valid_to is null and u.type <> 'DEPARTMENT_DIVISION'
					and not exists (select 1 from account a join account_role r on r.account_id = a.id
					where a.unit_id = u.id and a.enabled and r.role in ('UNIT_LEADER', 'DEPARTMENT_LEADER'))
					""").query(Long.class).single());
	}

	@Test
	void nothingToDoSaysSo() {
		Document home = home(this.people.account(this.dept.districtTwo, Role.UNIT_LEADER));
		assertThat(home.select("#nothing-to-do").text()).isEqualTo("Không có việc cần làm.");
		assertThat(home.select(".todo-item")).isEmpty();
	}

	/**
	 * On the demo data, every line of each demo account's page leads to something of its
	 * own unit (an inbox line or an incident); none of another unit's.
	 */
	@Test
	void onTheDemoDataEachLineIsOfTheAccountsOwnScope() {
		for (String username : List.of(TestAccounts.SCHOOL_LEADER, TestAccounts.SCHOOL_STAFF, "pgd.giongtrom",
				"thpt.nguyendinhchieu", TestAccounts.DEPARTMENT_OFFICER, TestAccounts.DEPARTMENT_LEADER)) {
			PortalHttp http = new PortalHttp(this.port);
			http.login(username, TestAccounts.DEMO_PASSWORD);
			Document home = Jsoup.parse(http.get("/").body());
			assertThat(home.select("h1").text()).isEqualTo("Việc cần làm");
			String scope = this.jdbc
				.sql("""
						select case when exists (select 1 from account_role r where r.account_id = a.id
						                         and r.role in ('DEPARTMENT_LEADER', 'DEPARTMENT_OFFICER'))
						            then (select d.path from unit d where d.type = 'DEPARTMENT' and u.path like d.path || '%'
						                  order by length(d.path) desc limit 1)
						            else u.path end
						from account a join unit u on u.id = a.unit_id where a.username = ?
						""")
				.param(username)
				.query(String.class)
				.single();
			List<Long> lineage = this.jdbc.sql("""
					with recursive lineage(id) as (select unit_id from account where username = ?
					    union select m.id from unit m join lineage l on m.successor_id = l.id)
					select id from lineage
					""").param(username).query(Long.class).list();
			for (Element line : home.select(".todo-item")) {
				String href = line.attr("href");
				Matcher inbox = INBOX.matcher(href);
				if (inbox.matches()) {
					assertThat(this.jdbc.sql("select unit_id from assignment where id = ?")
						.param(Long.parseLong(inbox.group(1)))
						.query(Long.class)
						.single()).as("%s: %s", username, href).isIn(lineage);
				}
				Matcher incident = INCIDENT.matcher(href);
				if (incident.matches()) {
					assertThat(this.jdbc
						.sql("select u.path from incident i join unit u on u.id = i.unit_id where i.id = ?")
						.param(Long.parseLong(incident.group(1)))
						.query(String.class)
						.single()).as("%s: %s", username, href).startsWith(scope);
				}
				assertThat(http.get(href.replaceAll("#.*", "")).statusCode()).as("%s: %s", username, href)
					.isEqualTo(200);
			}
			long unacknowledged = this.jdbc.sql("""
					select count(*) from assignment a where a.unit_id = any(?) and a.withdrawn_at is null
					and (a.acknowledged_at is null or (a.forwarding_required and a.forwarded_at is null))
					""").param(lineage.toArray(Long[]::new)).query(Long.class).single();
			boolean ofAUnit = this.jdbc.sql("""
					select exists (select 1 from account a join account_role r on r.account_id = a.id
					               where a.username = ? and r.role in ('UNIT_LEADER', 'UNIT_STAFF'))
					""").param(username).query(Boolean.class).single();
			if (ofAUnit && unacknowledged > 0) {
				assertThat(home.select("#todo-acknowledge .todo-count").text()).as(username)
					.isEqualTo(String.valueOf(unacknowledged));
			}
		}
	}

	private static List<String> items(Document home, String group) {
		return home.select("#todo-" + group + " .todo-item")
			.stream()
			.map((item) -> item.select(".todo-action").text() + " " + item.select(".todo-title").text())
			.toList();
	}

	private String number(long directive) {
		return this.jdbc.sql("""
				select case when number < 10 then '0' else '' end || number || '/' || symbol from directive where id = ?
				""").param(directive).query(String.class).single();
	}

	private String line(long directive) {
		return number(directive) + " · " + subject(directive);
	}

	private String subject(long directive) {
		return this.jdbc.sql("select subject from directive where id = ?")
			.param(directive)
			.query(String.class)
			.single();
	}

	private long incident(long unit, String status, int severity, long by, String summary) {
		return this.jdbc
			.sql("""
					insert into incident (form_key, unit_id, reporter_id, status, detected_at, platform, category, severity,
					                      summary, submitted_at, submitted_by, report_due_at, reported_late, triage_due_at,
					                      reviewer_id, accepted_at, created_at, updated_at, updated_by)
					values (gen_random_uuid(), ?, ?, ?, now() - interval '3 hours', 'FACEBOOK', 'BNTT', ?, ?, now(), ?,
					        now() + interval '1 hour', false, now() + interval '1 day',
					        case when ? = 'SUBMITTED' then null else ? end, case when ? = 'SUBMITTED' then null else now() end,
					        now(), now(), ?)
					returning id
					""")
			.params(unit, by, status, severity, summary, by, status, account(this.dept.officer), status, by)
			.query(Long.class)
			.single();
	}

	private long account(String username) {
		return this.jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

	private Document home(String username) {
		return Jsoup.parse(login(username).get("/").body());
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		http.login(username, TestPeople.PASSWORD);
		return http;
	}

}
