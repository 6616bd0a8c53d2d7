package vn.edu.portal.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.edu.portal.account.TestPeople;
import vn.edu.portal.directive.TestDepartment;
import vn.edu.portal.directive.TestDirectives;
import vn.edu.portal.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance summary the database keeps (V20) stays equal, after every kind of
 * change, to what counting everything again from the assignments, reports, directives and
 * the tree gives: acknowledging, reporting, returning and accepting, forwarding, amending
 * a deadline, a schedule of tasks, recalling, moving a unit, merging one, changing a
 * unit's type, and two schools acknowledging at the same moment.
 */
@SpringBootTest
class ComplianceSummaryTests {

	/**
	 * Rows of the maintained summaries that a recount does not give, and rows of a
	 * recount that the summaries lack (rows all zero do not count).
	 */
	private static final String DIFFERENCES = """
			with source as (
			  select assignment_id, kind, day, deadline, directive_id, unit_id, unit_type, done, on_time, accepted
			  from compliance_fact_source
			),
			stored as (
			  select assignment_id, kind, day, deadline, directive_id, unit_id, unit_type, done, on_time, accepted
			  from compliance_fact
			),
			recount_day as (
			  select anc.id::bigint as unit_id, f.day, f.unit_type, count(*) filter (where f.kind = 'A') as a,
			         count(*) filter (where f.kind = 'A' and f.done) as ad, count(*) filter (where f.kind = 'A' and f.on_time) as ao,
			         count(*) filter (where f.kind = 'R') as r, count(*) filter (where f.kind = 'R' and f.done) as rd,
			         count(*) filter (where f.kind = 'R' and f.on_time) as ro, count(*) filter (where f.kind = 'R' and f.accepted) as ra
			  from source f join unit cu on cu.id = f.unit_id
			  cross join unnest(string_to_array(trim(both '/' from cu.path), '/')) as anc(id)
			  group by 1, 2, 3
			),
			kept_day as (
			  select unit_id, day, unit_type, ack_expected::bigint, ack_done::bigint, ack_on_time::bigint,
			         rep_expected::bigint, rep_submitted::bigint, rep_on_time::bigint, rep_accepted::bigint
			  from compliance_day
			  where (ack_expected, ack_done, ack_on_time, rep_expected, rep_submitted, rep_on_time, rep_accepted)
			        <> (0, 0, 0, 0, 0, 0, 0)
			),
			recount_month as (
			  select unit_id, date_trunc('month', day)::date as month, unit_type, sum(a)::bigint, sum(ad)::bigint,
			         sum(ao)::bigint, sum(r)::bigint, sum(rd)::bigint, sum(ro)::bigint, sum(ra)::bigint
			  from recount_day group by 1, 2, 3
			),
			kept_month as (
			  select unit_id, month, unit_type, ack_expected::bigint, ack_done::bigint, ack_on_time::bigint,
			         rep_expected::bigint, rep_submitted::bigint, rep_on_time::bigint, rep_accepted::bigint
			  from compliance_month
			  where (ack_expected, ack_done, ack_on_time, rep_expected, rep_submitted, rep_on_time, rep_accepted)
			        <> (0, 0, 0, 0, 0, 0, 0)
			),
			recount_today as (
			  with recursive today_unit(id, current_id) as (
			    select id, id from unit where successor_id is null
			    union all
			    select u.id, t.current_id from unit u join today_unit t on u.successor_id = t.id
			  )
			  select id, current_id from today_unit
			)
			select 'fact ' || x::text from (select * from source except all select * from stored) as x
			union all select 'stale fact ' || x::text from (select * from stored except all select * from source) as x
			union all select 'day ' || x::text from (select * from recount_day except all select * from kept_day) as x
			union all select 'stale day ' || x::text from (select * from kept_day except all select * from recount_day) as x
			union all select 'month ' || x::text from (select * from recount_month except all select * from kept_month) as x
			union all select 'stale month ' || x::text from (select * from kept_month except all select * from recount_month) as x
			union all select 'today ' || x::text from (select * from recount_today except select unit_id, current_id from compliance_unit_today) as x
			union all select 'stale today ' || x::text from (select unit_id, current_id from compliance_unit_today except select * from recount_today) as x
			""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestPeople people;

	@Autowired
	TestDirectives directives;

	@Autowired
	Formats formats;

	@Autowired
	TransactionTemplate transactions;

	TestDepartment dept;

	LocalDate today;

	long leader;

	@BeforeEach
	void department() {
		this.dept = new TestDepartment(this.jdbc, this.people);
		this.today = this.formats.today();
		this.leader = this.jdbc.sql("select id from account where username = ?")
			.param(this.dept.schoolLeader)
			.query(Long.class)
			.single();
	}

	@Test
	void theSummaryEqualsARecountAfterEveryKindOfChange() {
		long directive = this.directives.publishWithReport(this.dept,
				List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo, this.dept.districtOne),
				this.today.minusDays(3), this.today.minusDays(1));
		assertSame("published");
		assertThat(departmentTotal("ack_expected")).as("three acknowledgements expected").isEqualTo(3);

		acknowledge(directive, this.dept.upperSecondaryOne, false);
		acknowledge(directive, this.dept.upperSecondaryTwo, true);
		assertSame("acknowledged, one late");
		assertThat(departmentTotal("ack_on_time")).isEqualTo(1);
		assertThat(departmentTotal("ack_done")).isEqualTo(2);

		long district = assignment(directive, this.dept.districtOne);
		this.jdbc.sql("""
				insert into assignment (directive_id, unit_id, role, delivered_at, acknowledge_by, due_on, parent_id)
				values (?, ?, 'IMPLEMENT', now(), current_date + 1, ?, ?)
				""").params(directive, this.dept.schoolOfDistrictOne, this.today.minusDays(1), district).update();
		assertSame("forwarded to a school");

		long report = report(assignment(directive, this.dept.upperSecondaryOne), "SUBMITTED");
		assertSame("a report submitted");
		this.jdbc.sql("update report set status = 'RETURNED' where id = ?").param(report).update();
		this.jdbc.sql("update report set status = 'ACCEPTED' where id = ?").param(report).update();
		assertSame("returned, then accepted");
		assertThat(departmentTotal("rep_accepted")).isEqualTo(1);

		this.directives.amendReportDue(this.dept, directive, this.today.plusDays(10));
		assertSame("the report deadline amended");

		long tasks = this.directives.publishSampleTo(this.dept, List.of(this.dept.upperSecondaryOne), this.today);
		this.jdbc.sql("update directive set report_schedule = 'NONE' where id = ?").param(tasks).update();
		this.jdbc.sql("""
				insert into directive_task (directive_id, position, text, report_required, report_due)
				values (?, 90, 'Báo cáo giữa kỳ', true, ?), (?, 91, 'Báo cáo cuối kỳ', true, ?)
				""").params(tasks, this.today.plusDays(5), tasks, this.today.plusDays(30)).update();
		assertSame("the tasks' report deadlines");
		this.jdbc.sql("update directive_task set report_required = false where directive_id = ? and position = 91")
			.param(tasks)
			.update();
		assertSame("a task no longer asks for a report");

		this.jdbc.sql("update directive set status = 'RECALLED' where id = ?").param(tasks).update();
		this.jdbc.sql("update assignment set withdrawn_at = now() where directive_id = ?").param(tasks).update();
		assertSame("recalled");

		this.jdbc.sql("update unit set parent_id = ? where id = ?")
			.params(this.dept.districtTwo, this.dept.schoolOfDistrictOne)
			.update();
		assertSame("a school moved to another district");
		this.jdbc.sql("update unit set parent_id = ? where id = ?")
			.params(this.dept.districtTwo, this.dept.upperSecondaryOne)
			.update();
		assertSame("a school with a report moved");

		this.jdbc.sql("update unit set valid_to = ?, successor_id = ? where id = ?")
			.params(this.today, this.dept.upperSecondaryTwo, this.dept.upperSecondaryOne)
			.update();
		assertSame("a school merged into another");
		assertThat(unitTotal(this.dept.upperSecondaryTwo, "ack_expected")).as("the successor counts both").isEqualTo(2);
		assertThat(unitTotal(this.dept.districtTwo, "rep_accepted")).as("nothing left where it was").isZero();

		this.jdbc.sql("update unit set type = 'MULTI_LEVEL' where id = ?").param(this.dept.upperSecondaryTwo).update();
		assertSame("the successor's type changed");
		assertThat(this.jdbc
			.sql("""
					select coalesce(sum(ack_expected), 0) from compliance_month where unit_id = ? and unit_type = 'MULTI_LEVEL'
					""")
			.param(this.dept.department)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void twoSchoolsAcknowledgingAtTheSameMomentAreBothCounted() throws Exception {
		List<Long> schools = List.of(this.dept.upperSecondaryOne, this.dept.upperSecondaryTwo,
				this.dept.schoolOfDistrictOne, this.dept.centre);
		long directive = this.directives.publishSampleTo(this.dept, schools, this.today);
		long before = departmentTotal("ack_done");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(schools.size());
		try {
			List<Future<?>> done = new ArrayList<>();
			for (long school : schools) {
				done.add(pool.submit(() -> {
					assertThat(start.await(1, TimeUnit.MINUTES)).as("all set off together").isTrue();
					return this.transactions.execute((status) -> {
						acknowledge(directive, school, false);
						return null;
					});
				}));
			}
			start.countDown();
			for (Future<?> each : done) {
				each.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertSame("acknowledged concurrently");
		assertThat(departmentTotal("ack_done")).isEqualTo(before + schools.size());
		assertThat(this.jdbc.sql("""
				select count(*) from compliance_fact where directive_id = ? and kind = 'A' and done and on_time
				""").param(directive).query(Long.class).single()).isEqualTo(schools.size());
	}

	private void assertSame(String after) {
		assertThat(this.jdbc.sql(DIFFERENCES).query(String.class).list()).as(after).isEmpty();
	}

	private long departmentTotal(String column) {
		return unitTotal(this.dept.department, column);
	}

	private long unitTotal(long unit, String column) {
		return this.jdbc.sql("select coalesce(sum(" + column + "), 0) from compliance_month where unit_id = ?")
			.param(unit)
			.query(Long.class)
			.single();
	}

	private void acknowledge(long directive, long unit, boolean late) {
		this.jdbc.sql("""
				update assignment set acknowledged_at = now(), acknowledged_by = ?, acknowledged_late = ?,
				       read_at = now(), read_by = ?
				where directive_id = ? and unit_id = ?
				""").params(this.leader, late, this.leader, directive, unit).update();
	}

	private long assignment(long directive, long unit) {
		return this.jdbc.sql("select id from assignment where directive_id = ? and unit_id = ?")
			.params(directive, unit)
			.query(Long.class)
			.single();
	}

	private long report(long assignment, String status) {
		return this.jdbc.sql("""
				insert into report (assignment_id, period_due, status, revision, updated_at, updated_by, submitted_at,
				                    submitted_by, submitted_late)
				select id, due_on, ?, 1, now(), ?, now(), ?, false from assignment where id = ?
				returning id
				""").params(status, this.leader, this.leader, assignment).query(Long.class).single();
	}

}
