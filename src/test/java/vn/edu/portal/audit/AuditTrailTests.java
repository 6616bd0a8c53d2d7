package vn.edu.portal.audit;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.TestAccounts;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuditTrailTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Formats formats;

	@Autowired
	TestPeople people;

	@Test
	void theDatabaseRefusesToChangeOrDeleteTheTrail() {
		this.audit.recordFor("tamper.test", null, "LOGIN_FAILURE", Map.of("reason", "bad-credentials"));
		long id = this.jdbc.sql("select max(id) from audit_event where actor = 'tamper.test'")
			.query(Long.class)
			.single();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("update audit_event set actor = 'someone' where id = ?").param(id).update())
			.satisfies((ex) -> assertThat(ex.getMostSpecificCause()).hasMessageContaining("append-only"));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("delete from audit_event where id = ?").param(id).update());
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("truncate audit_event").update());
		assertThat(this.jdbc.sql("select actor from audit_event where id = ?").param(id).query(String.class).single())
			.isEqualTo("tamper.test");
	}

	@Test
	void aDepartmentLeaderReadsTheTrailOfTheirDepartmentOnly() {
		TestDepartment mine = new TestDepartment(this.jdbc, this.people);
		TestDepartment other = new TestDepartment(this.jdbc, this.people);
		new PortalHttp(this.port).login(mine.schoolLeader, TestPeople.PASSWORD);
		new PortalHttp(this.port).login(other.schoolLeader, TestPeople.PASSWORD);
		String system = "system.only." + System.nanoTime();
		this.audit.recordFor(system, null, "LOGIN_FAILURE", Map.of("reason", "bad-credentials"));

		PortalHttp leader = new PortalHttp(this.port);
		leader.login(mine.leader, TestPeople.PASSWORD);
		assertThat(events(leader, "/audit?action=LOGIN_SUCCESS")).contains(mine.schoolLeader)
			.doesNotContain(other.schoolLeader);
		assertThat(events(leader, "/audit?account=" + system)).doesNotContain(system);

		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		assertThat(events(admin, "/audit?action=LOGIN_SUCCESS")).contains(mine.schoolLeader, other.schoolLeader);
		assertThat(events(admin, "/audit?account=" + system)).contains(system);
	}

	private static String events(PortalHttp reader, String path) {
		return org.jsoup.Jsoup.parse(reader.get(path).body()).select("table tbody").text();
	}

	@Test
	void anAdministratorOfADepartmentHandlesItsOwnMailsAndNotTheInstallationsSettings() {
		TestDepartment mine = new TestDepartment(this.jdbc, this.people);
		TestDepartment other = new TestDepartment(this.jdbc, this.people);
		long own = failedMailOf(mine.schoolLeader);
		long foreign = failedMailOf(other.schoolLeader);
		String scopedAdmin = this.people.account(mine.department, Role.SYSTEM_ADMIN);
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(scopedAdmin, TestPeople.PASSWORD);

		String page = admin.get("/admin/outbox").body();
		assertThat(page).contains(mine.schoolLeader).doesNotContain(other.schoolLeader);
		assertThat(admin.post("/admin/outbox/" + foreign + "/retry", Map.of()).statusCode()).isEqualTo(404);
		assertThat(admin.post("/admin/outbox/" + own + "/retry", Map.of()).statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("select status from outbox_mail where id in (?, ?) order by id")
			.params(own, foreign)
			.query(String.class)
			.list()).containsExactly("PENDING", "FAILED");
		// The holidays and the incident targets are the whole installation's.
		assertThat(admin.get("/admin/holidays").statusCode()).isEqualTo(403);
		assertThat(admin.post("/admin/holidays/fixed", Map.of("year", "2027")).statusCode()).isEqualTo(403);
		assertThat(admin.get("/admin/incident-targets").statusCode()).isEqualTo(403);
		assertThat(admin.post("/admin/incident-targets", Map.of("targets[0].reportWithinHours", "1")).statusCode())
			.isEqualTo(403);
		assertThat(admin.get("/admin/outbox").body()).doesNotContain("/admin/holidays", "/admin/incident-targets");
		// No other test meets an active administrator it did not make.
		this.jdbc.sql("update account set enabled = false where username = ?").param(scopedAdmin).update();
	}

	private long failedMailOf(String username) {
		return this.jdbc.sql("""
				insert into outbox_mail (account_id, digest_until, status, attempts, last_error)
				select id, now(), 'FAILED', 12, 'REFUSED' from account where username = ? returning id
				""").param(username).query(Long.class).single();
	}

	@Test
	void anAdministratorSearchesByAccountActionAndDates() {
		PortalHttp other = new PortalHttp(this.port);
		other.login(TestAccounts.DEPARTMENT_OFFICER, "a wrong password");
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		String today = this.formats.date(this.formats.today());

		String page = admin.get("/audit?account=SGD.CHUYEN&action=LOGIN_FAILURE&from=" + today + "&to=" + today).body();

		assertThat(page).contains("Đăng nhập không thành công", "sgd.chuyenvien", other.address(), "bad-credentials",
				today + " ");
		assertThat(page).doesNotContain("<td>admin</td>");
		assertThat(admin.get("/audit?action=LOGIN_SUCCESS&account=admin").body()).contains("<td>admin</td>",
				"Đăng nhập thành công");
		assertThat(admin.get("/audit?action=LOGIN_SUCCESS&page=1").body()).as("paging keeps the filters")
			.contains("href=\"/audit?action=LOGIN_SUCCESS&amp;page=0\"");
		assertThat(admin.get("/audit?account=nobody-like-this").body())
			.contains("Không có sự kiện nào khớp với điều kiện tìm kiếm.");
	}

	@Test
	void badDatesAreExplainedBesideTheFieldAndKept() {
		PortalHttp admin = new PortalHttp(this.port);
		admin.login(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

		HttpResponse<String> badDate = admin.get("/audit?from=31/02/2026&account=admin");
		assertThat(badDate.statusCode()).isEqualTo(200);
		assertThat(badDate.body()).contains("Ngày không hợp lệ", "value=\"31/02/2026\"", "value=\"admin\"");

		assertThat(admin.get("/audit?page=50000000").statusCode()).as("a page number too large").isEqualTo(200);

		String reversed = admin.get("/audit?from=10/03/2026&to=01/03/2026").body();
		assertThat(reversed).contains("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", "value=\"10/03/2026\"",
				"value=\"01/03/2026\"");
	}

	@Test
	void departmentLeadersMayReadTheTrailAndUnitsMayNot() {
		PortalHttp leader = new PortalHttp(this.port);
		leader.login(TestAccounts.DEPARTMENT_LEADER, TestAccounts.DEMO_PASSWORD);
		PortalHttp staff = new PortalHttp(this.port);
		staff.login(TestAccounts.SCHOOL_STAFF, TestAccounts.DEMO_PASSWORD);

		assertThat(leader.get("/audit").statusCode()).isEqualTo(200);
		assertThat(staff.get("/audit").statusCode()).isEqualTo(403);
	}

}
