package vn.edu.portal.delivery;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.account.Role;
import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports copied from one template: two near-identical reports of two schools on the same
 * directive and period are marked for the reviewer, with the other unit and the shared
 * passage; two different ones are not; the unit never sees the mark, and the other
 * school's report stays out of its reach.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReportResemblanceTests {

	static final String TEMPLATE = "Nhà trường đã tổ chức quán triệt Công văn đến toàn thể cán bộ, giáo viên, "
			+ "nhân viên và học sinh; lồng ghép nội dung sử dụng mạng xã hội an toàn, văn minh vào tiết sinh hoạt "
			+ "dưới cờ và sinh hoạt lớp; thành lập tổ theo dõi thông tin trên mạng xã hội, kịp thời báo cáo "
			+ "các trường hợp đăng tải thông tin sai sự thật về ngành giáo dục.";

	static final String OWN_WORDS = "Chi đoàn giáo viên phối hợp Công an xã tổ chức hai buổi ngoại khóa "
			+ "về lừa đảo qua mạng cho 420 học sinh khối 10 và 11; mỗi lớp cử hai học sinh làm cộng tác viên "
			+ "truyền thông, ban giám hiệu kiểm tra trang Facebook của trường hằng tuần và gỡ bình luận "
			+ "không phù hợp trong ngày.";

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

	TestDepartment dept;

	LocalDate due;

	long directive;

	@BeforeEach
	void publish() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		this.due = this.formats.today();
		this.directive = this.directives.publishWithReport(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo), this.formats.today(), this.due);
	}

	@Test
	void twoNearIdenticalReportsAreMarkedForTheReviewerWithTheOtherUnitAndTheSharedPassage() {
		long one = submit(this.dept.upperSecondaryOne, TEMPLATE);
		long two = submit(this.dept.upperSecondaryTwo, TEMPLATE.replace("Nhà trường", "Trường THPT Hai"));

		assertThat(this.jdbc.sql("select report_id, other_report_id from report_resemblance order by 1")
			.query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2)))
			.list()).contains(List.of(one, two), List.of(two, one));
		float similarity = this.jdbc.sql("select similarity from report_resemblance where report_id = ?")
			.param(two)
			.query(Float.class)
			.single();
		assertThat(similarity).isGreaterThanOrEqualTo(0.9f);

		PortalHttp officer = login(this.dept.officer);
		Document page = Jsoup.parse(officer.get("/reports/" + two).body());
		assertThat(page.select("#resemblances h3").text()).startsWith("Trường THPT Một: giống");
		assertThat(page.select("#resemblances a").attr("href")).isEqualTo("/reports/" + one);
		assertThat(page.select("#resemblances mark").text()).startsWith("đã tổ chức quán triệt Công văn")
			.endsWith("về ngành giáo dục.");
		assertThat(page.select("#resemblances blockquote span").first().text()).isEqualTo("Trường THPT Hai");
		assertThat(page.select("form[action$='/accept']")).as("the reviewer still decides").hasSize(1);

		PortalHttp school = login(this.dept.schoolLeader);
		Document own = Jsoup.parse(school.get("/reports/" + one).body());
		assertThat(own.text()).contains("quán triệt Công văn");
		assertThat(own.select("#resemblances")).as("a school does not see the mark").isEmpty();
		assertThat(own.text()).doesNotContain("Trường THPT Hai", "giống");
		assertThat(school.get("/reports/" + two).statusCode()).as("the other school's report").isEqualTo(404);

		String period = "kind=CUSTOM&from=" + Formats.dayMonthYear(this.due.minusDays(10)) + "&to="
				+ Formats.dayMonthYear(this.due);
		Document dashboard = Jsoup.parse(officer.get("/dashboard?unit=" + this.dept.department + "&" + period).body());
		assertThat(dashboard.select("#children tr[data-unit$=-THPT1] td").last().text()).isEqualTo("1");
		assertThat(dashboard.select("#children tr[data-unit$=-THPT2] td").last().text()).isEqualTo("1");
		String csv = new String(officer.download("/dashboard.csv?unit=" + this.dept.department + "&" + period).body(),
				StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).endsWith("Báo cáo giống báo cáo đơn vị khác");
		assertThat(csv.lines().filter((line) -> line.matches("[^,]*-THPT1,.*"))).singleElement()
			.satisfies((line) -> assertThat(line).endsWith(",1"));
	}

	@Test
	void twoDifferentReportsAndShortOnesAreNotMarked() {
		long one = submit(this.dept.upperSecondaryOne, TEMPLATE);
		submit(this.dept.upperSecondaryTwo, OWN_WORDS);
		assertThat(count()).isZero();
		assertThat(Jsoup.parse(login(this.dept.officer).get("/reports/" + one).body()).select("#resemblances"))
			.isEmpty();

		long directive = this.directives.publishWithReport(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo), this.formats.today(), this.due);
		String shortText = "Đã quán triệt đến toàn thể giáo viên và học sinh.";
		submit(directive, this.dept.upperSecondaryOne, shortText);
		submit(directive, this.dept.upperSecondaryTwo, shortText);
		assertThat(count()).as("texts under 200 characters are alike by nature").isZero();
	}

	@Test
	void aRevisedReportIsComparedAgainAndLosesItsMark() {
		submit(this.dept.upperSecondaryOne, TEMPLATE);
		long two = submit(this.dept.upperSecondaryTwo, TEMPLATE);
		assertThat(count()).isEqualTo(2);
		PortalHttp officer = login(this.dept.officer);
		officer.get("/reports/" + two);
		officer.post("/reports/" + two + "/return", Map.of("version", String.valueOf(version(two)), "comment",
				"Báo cáo giống hệt của trường khác; đề nghị báo cáo đúng việc đã làm."));
		submit(this.dept.upperSecondaryTwo, OWN_WORDS);
		assertThat(count()).isZero();
	}

	private long submit(long unit, String narrative) {
		return submit(this.directive, unit, narrative);
	}

	private long submit(long directive, long unit, String narrative) {
		long assignment = this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(directive, unit)
			.query(Long.class)
			.single();
		String form = "/inbox/" + assignment + "/reports/" + this.due;
		PortalHttp leader = login(this.people.account(unit, Role.UNIT_LEADER));
		leader.get(form);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("action", "submit");
		for (int i = 0; i < 5; i++) {
			fields.put("tasks[" + i + "].status", "DONE");
			fields.put("tasks[" + i + "].narrative", (i == 0) ? narrative : "");
		}
		fields.put("figures", "");
		Long version = this.jdbc.sql("select version from report where assignment_id = ?")
			.param(assignment)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (version != null) {
			fields.put("version", String.valueOf(version));
		}
		assertThat(PortalHttp.location(leader.post(form, fields))).isEqualTo(form);
		return this.jdbc.sql("select id from report where assignment_id = ? and status = 'SUBMITTED'")
			.param(assignment)
			.query(Long.class)
			.single();
	}

	private long version(long report) {
		return this.jdbc.sql("select version from report where id = ?").param(report).query(Long.class).single();
	}

	private int count() {
		return this.jdbc.sql("""
				select count(*) from report_resemblance r join report o on o.id = r.report_id
				join assignment a on a.id = o.assignment_id where a.directive_id in
				  (select id from directive where issuer_unit_id = ?)
				""").param(this.dept.department).query(Integer.class).single();
	}

	private PortalHttp login(String username) {
		PortalHttp http = new PortalHttp(this.port);
		assertThat(http.login(username, TestPeople.PASSWORD).statusCode()).isEqualTo(302);
		http.get("/");
		return http;
	}

}
