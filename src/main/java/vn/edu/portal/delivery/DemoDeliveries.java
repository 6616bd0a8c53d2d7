package vn.edu.portal.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.system.DemoProperties;
import vn.edu.portal.system.FirstStartStep;

/**
 * The demo's delivery history of the sample letter 340/SGD&ĐT-CTTT, as it could have gone
 * in February 2020: delivered on the 25th; THPT chuyên Bến Tre read and acknowledged it
 * the same day; THPT Nguyễn Đình Chiểu acknowledged it late; the Giồng Trôm office
 * acknowledged it and forwarded it to its schools, where THCS Phước Long acknowledged it;
 * the other recipients never answered. The Department's leader read it for information.
 */
@Component
@Order(40)
class DemoDeliveries implements FirstStartStep {

	private static final Logger log = LoggerFactory.getLogger(DemoDeliveries.class);

	private final DemoProperties demo;

	private final JdbcClient jdbc;

	DemoDeliveries(DemoProperties demo, JdbcClient jdbc) {
		this.demo = demo;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run() {
		if (!this.demo.data()) {
			return;
		}
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('portal.first-start'))").query().listOfRows();
		Long letter = this.jdbc.sql("""
				select d.id from directive d join unit u on u.id = d.issuer_unit_id
				where u.code = 'SGDDT-BT' and d.year = 2020 and d.number = 340
				  and not exists (select 1 from assignment a where a.directive_id = d.id and a.read_at is not null)
				""").query(Long.class).optional().orElse(null);
		if (letter == null) {
			return;
		}
		this.jdbc
			.sql("""
					update assignment set delivered_at = timestamptz '2020-02-25 09:00+07', acknowledge_by = date '2020-02-26'
					where directive_id = ?
					""")
			.param(letter)
			.update();
		act(letter, "THPT-CHUYENBENTRE", "thpt.chuyenbentre.gv", "2020-02-25 10:15+07", "thpt.chuyenbentre",
				"2020-02-25 14:00+07", false);
		act(letter, "THPT-NGUYENDINHCHIEU", "thpt.nguyendinhchieu", "2020-02-27 08:30+07", "thpt.nguyendinhchieu",
				"2020-02-28 09:00+07", true);
		act(letter, "PGD-GTR", "pgd.giongtrom", "2020-02-25 11:00+07", "pgd.giongtrom", "2020-02-26 08:00+07", false);
		this.jdbc.sql("""
				update assignment a set forwarded_at = timestamptz '2020-02-26 08:05+07',
				       forwarded_by = (select id from account where username = 'pgd.giongtrom')
				from unit u where u.id = a.unit_id and u.code = 'PGD-GTR' and a.directive_id = ?
				""").param(letter).update();
		this.jdbc
			.sql("""
					insert into assignment (directive_id, unit_id, role, delivered_at, acknowledge_by, due_on, parent_id,
					                        instructions)
					select p.directive_id, c.id, 'IMPLEMENT', timestamptz '2020-02-26 08:05+07', date '2020-02-27',
					       date '2020-03-10', p.id,
					       'Các trường trực thuộc quán triệt công văn đến toàn thể cán bộ, giáo viên, nhân viên; báo cáo kết quả về Phòng trước ngày 10/3/2020.'
					from assignment p join unit pu on pu.id = p.unit_id join unit c on c.parent_id = pu.id
					where p.directive_id = ? and pu.code = 'PGD-GTR' and c.valid_to is null
					on conflict (directive_id, unit_id) do nothing
					""")
			.param(letter)
			.update();
		act(letter, "GTR-THCS-PHUOCLONG", "thcs.giongtrom", "2020-02-26 14:40+07", "thcs.giongtrom",
				"2020-02-26 15:00+07", false);
		this.jdbc.sql("""
				update assignment a set read_at = timestamptz '2020-02-25 16:20+07',
				       read_by = (select id from account where username = 'sgd.lanhdao')
				from unit u where u.id = a.unit_id and u.code = 'SGDDT-BT' and a.directive_id = ?
				""").param(letter).update();
		log.info("Demo data: the delivery history of 340/SGD&ĐT-CTTT");
		reports();
	}

	/**
	 * Monthly reports on the demo plan (kế hoạch): THPT Nguyễn Đình Chiểu's first
	 * accepted and its second returned; THPT chuyên Bến Tre's first submitted late,
	 * awaiting review; the others overdue.
	 */
	private void reports() {
		Long plan = this.jdbc.sql("""
				select d.id from directive d join unit u on u.id = d.issuer_unit_id
				where u.code = 'SGDDT-BT' and d.type = 'KE_HOACH' and d.report_schedule = 'MONTHLY'
				order by d.id limit 1
				""").query(Long.class).optional().orElse(null);
		if (plan == null) {
			return;
		}
		report(plan, "THPT-NGUYENDINHCHIEU", 0, "thpt.nguyendinhchieu", -2, false, "ACCEPTED", null);
		report(plan, "THPT-NGUYENDINHCHIEU", 1, "thpt.nguyendinhchieu", -1, false, "RETURNED",
				"Bổ sung số học sinh tham gia từng buổi.");
		report(plan, "THPT-CHUYENBENTRE", 0, "thpt.chuyenbentre", 3, true, "SUBMITTED", null);
	}

	/**
	 * A report of a unit for the n-th monthly period of the plan, submitted some days
	 * from the deadline, and its review.
	 */
	private void report(long plan, String unitCode, int period, String leader, int daysFromDue, boolean late,
			String status, String comment) {
		String content = """
				{"tasks":[{"status":"DONE","narrative":"Đã tổ chức sinh hoạt chuyên đề về an toàn trên mạng."},
				{"status":"IN_PROGRESS","narrative":"Đang tổng hợp số học sinh tham gia."}],"figures":"2 buổi"}""";
		this.jdbc
			.sql("""
					with target as (
					    select a.id as assignment_id, (d.report_due + make_interval(months => :period))::date as due,
					           (select id from account where username = :leader) as account
					    from assignment a join unit u on u.id = a.unit_id join directive d on d.id = a.directive_id
					    where a.directive_id = :plan and u.code = :unit),
					saved as (
					    insert into report (assignment_id, period_due, status, figures, revision, updated_at, updated_by,
					                        submitted_at, submitted_by, submitted_late, reviewed_at, reviewed_by, review_comment)
					    select assignment_id, due, :status, '2 buổi', 1, due + :days, account, due + :days, account, :late,
					           case when :status = 'SUBMITTED' then null else due + :days + 1 end,
					           case when :status = 'SUBMITTED' then null
					                else (select id from account where username = 'sgd.chuyenvien') end, cast(:comment as varchar)
					    from target returning id, period_due, submitted_at, submitted_by, reviewed_at, reviewed_by),
					tasks as (
					    insert into report_task (report_id, position, status, narrative)
					    select id, 0, 'DONE', 'Đã tổ chức sinh hoạt chuyên đề về an toàn trên mạng.' from saved
					    union all select id, 1, 'IN_PROGRESS', 'Đang tổng hợp số học sinh tham gia.' from saved)
					insert into report_revision (report_id, revision, submitted_at, submitted_by, submitted_late, content,
					                             outcome, reviewed_at, reviewed_by, review_comment)
					select id, 1, submitted_at, submitted_by, :late, cast(:content as jsonb),
					       case when :status = 'SUBMITTED' then null else :status end, reviewed_at, reviewed_by, cast(:comment as varchar)
					from saved
					""")
			.param("plan", plan)
			.param("unit", unitCode)
			.param("period", period)
			.param("leader", leader)
			.param("status", status)
			.param("days", daysFromDue)
			.param("late", late)
			.param("comment", comment)
			.param("content", content)
			.update();
	}

	private void act(long letter, String unitCode, String reader, String readAt, String acknowledger,
			String acknowledgedAt, boolean late) {
		this.jdbc.sql("""
				update assignment a set read_at = cast(:readAt as timestamptz),
				       read_by = (select id from account where username = :reader),
				       acknowledged_at = cast(:acknowledgedAt as timestamptz),
				       acknowledged_by = (select id from account where username = :acknowledger),
				       acknowledged_late = :late
				from unit u where u.id = a.unit_id and u.code = :unit and a.directive_id = :letter
				""")
			.param("readAt", readAt)
			.param("reader", reader)
			.param("acknowledgedAt", acknowledgedAt)
			.param("acknowledger", acknowledger)
			.param("late", late)
			.param("unit", unitCode)
			.param("letter", letter)
			.update();
	}

}
