package vn.edu.portal.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.calendar.WorkingCalendar;
import vn.edu.portal.calendar.WorkingDays;
import vn.edu.portal.system.Formats;

/**
 * Deadline reminders (domain.md §6), for each open assignment: 2 working days before its
 * deadline to acknowledge or to report, on the day, and once overdue, to the unit; after
 * 3 working days overdue, to the leaders of the unit above and the Department's officers.
 * Daily on working days, and hourly for the hours-long deadlines of hỏa tốc directives.
 * Each reminder is recorded ({@code reminder_sent}) in the transaction that writes it, so
 * that it goes once whatever runs the job, and however many instances do.
 * <p>
 * Never a flood: a deadline more than {@value #BACKLOG_AFTER} working days past that was
 * never reminded of (the job did not run then: an import, a restore, a new installation
 * with old directives) is not reminded of on its own. Each unit with such deadlines gets
 * one summary with their number instead, once, and they are recorded as reminded; they do
 * not go up the tree one by one either.
 */
@Component
class Reminders {

	private static final Log logger = LogFactory.getLog(Reminders.class);

	/** The leaders and staff of a deadline's own unit. */
	private static final String UNIT_PEOPLE = """
			join account acc on acc.unit_id = a.unit_id and acc.enabled
			 and exists (select 1 from account_role r where r.account_id = acc.id and r.role in ('UNIT_LEADER', 'UNIT_STAFF'))""";

	/**
	 * The leaders of the unit above a late deadline's unit: one message per deadline,
	 * found from the deadline's unit (a unit above has a few dozen units below it).
	 */
	private static final String LEADERS_ABOVE = """
			join account acc on acc.unit_id = u.parent_id and acc.enabled
			 and exists (select 1 from account_role r where r.account_id = acc.id and r.role = 'UNIT_LEADER')""";

	/**
	 * The Department's officers get one summary of the day's escalations in their
	 * Department (how many deadlines, how many units) per kind of deadline, not a message
	 * per deadline: on the country's data a working day escalates some 20,000 deadlines,
	 * which was 600 messages a day for each officer.
	 */
	private static final String OFFICERS_SUMMARY = """
			select acc.id, 'REMINDER_ESCALATED_SUMMARY', true,
			       jsonb_build_object('count', s.deadlines::text, 'units', s.units::text, 'what', :what), '/dashboard'
			from (select dep.path, count(*) as deadlines, count(distinct a.unit_id) as units
			      from due join assignment a on a.id = due.assignment_id join unit u on u.id = a.unit_id
			      join unit dep on dep.type = 'DEPARTMENT' and u.path like dep.path || '%'
			      group by dep.path) s
			join account_role r on r.role = 'DEPARTMENT_OFFICER'
			join account acc on acc.id = r.account_id and acc.enabled
			join unit ou on ou.id = acc.unit_id and ou.path like s.path || '%'""";

	/** Days of delay after which a deadline goes up the tree. */
	static final int ESCALATE_AFTER = 3;

	/**
	 * Working days past a deadline after which it is summed up rather than reminded of.
	 */
	static final int BACKLOG_AFTER = 10;

	private final Notifications notifications;

	private final WorkingDays workingDays;

	private final Formats formats;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Reminders(Notifications notifications, WorkingDays workingDays, Formats formats, Clock clock,
			TransactionTemplate transactions) {
		this.notifications = notifications;
		this.workingDays = workingDays;
		this.formats = formats;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Scheduled(cron = "${portal.notifications.reminder-cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
	@SchedulerLock(name = "reminders-daily", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
	void daily() {
		long began = System.nanoTime();
		LocalDate today = this.formats.today();
		Integer sent = this.transactions.execute((status) -> remind(today));
		logger.info("Scheduled job reminders-daily for " + today + ": " + sent + " messages in "
				+ (System.nanoTime() - began) / 1_000_000 + " ms");
	}

	@Scheduled(cron = "${portal.notifications.flash-reminder-cron:0 5 * * * *}", zone = "Asia/Ho_Chi_Minh")
	@SchedulerLock(name = "reminders-flash", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
	void hourly() {
		long began = System.nanoTime();
		Integer sent = this.transactions.execute((status) -> remindFlash(this.clock.instant()));
		logger.info("Scheduled job reminders-flash: " + sent + " messages in " + (System.nanoTime() - began) / 1_000_000
				+ " ms");
	}

	/**
	 * The reminders of a working day.
	 * @return how many messages went out
	 */
	@Transactional
	int remind(LocalDate today) {
		WorkingCalendar calendar = this.workingDays.calendar();
		if (!calendar.isWorkingDay(today)) {
			return 0;
		}
		LocalDate soon = calendar.plus(today, 2);
		LocalDate escalateUpTo = today.minusDays(1);
		while (calendar.between(escalateUpTo, today) < ESCALATE_AFTER) {
			escalateUpTo = escalateUpTo.minusDays(1);
		}
		LocalDate backlogBefore = today;
		while (calendar.between(backlogBefore, today) < BACKLOG_AFTER) {
			backlogBefore = backlogBefore.minusDays(1);
		}
		int sent = backlog(backlogBefore);
		for (Deadline deadline : Deadline.values()) {
			sent += unit(deadline, "BEFORE", NotificationKind.REMINDER_BEFORE, false, "= :soon", Map.of("soon", soon));
			sent += unit(deadline, "DUE", NotificationKind.REMINDER_DUE, true, "= :today", Map.of("today", today));
			sent += unit(deadline, "OVERDUE", NotificationKind.REMINDER_OVERDUE, true,
					"< :today and " + deadline.column + " >= :backlog",
					Map.of("today", today, "backlog", backlogBefore));
			sent += escalate(deadline, escalateUpTo, backlogBefore);
		}
		return sent;
	}

	/**
	 * The deadlines long past that were never reminded of: recorded as reminded, and one
	 * summary to each unit that has any, with how many.
	 * @return how many messages went out
	 */
	private int backlog(LocalDate before) {
		StringBuilder recorded = new StringBuilder();
		for (Deadline deadline : Deadline.values()) {
			recorded.append("""
					%s as (
					  insert into reminder_sent (assignment_id, deadline, stage, due_on)
					  select a.id, '%s', 'OVERDUE', %s from assignment a
					  where %s %s < :backlog
					  on conflict do nothing
					  returning assignment_id
					),
					""".formatted("backlog_" + deadline.name().toLowerCase(java.util.Locale.ROOT), deadline.name(),
					deadline.column, deadline.open, deadline.column));
		}
		return this.notifications.insert(
				recorded + """
						backlog as (
						  select a.unit_id, count(*) as overdue
						  from (select assignment_id from backlog_acknowledge union all select assignment_id from backlog_report) b
						  join assignment a on a.id = b.assignment_id
						  group by a.unit_id
						),
						""",
				"""
						select acc.id, 'REMINDER_BACKLOG', true, jsonb_build_object('count', b.overdue::text, 'unit', u.name),
						       '/inbox'
						from backlog b join unit u on u.id = b.unit_id
						join account acc on acc.enabled and acc.unit_id = b.unit_id
						 and exists (select 1 from account_role r where r.account_id = acc.id and r.role in ('UNIT_LEADER', 'UNIT_STAFF'))
						""",
				Map.of("backlog", before));
	}

	/**
	 * The reminders of hỏa tốc directives whose hours-long deadline to acknowledge passed
	 * within the last day (an older one is left to the daily reminders and their
	 * summary).
	 */
	@Transactional
	int remindFlash(Instant now) {
		return this.notifications.insert(
				"""
						due as (
						  insert into reminder_sent (assignment_id, deadline, stage, due_on)
						  select a.id, 'FLASH', 'OVERDUE', (a.acknowledge_before at time zone :zone)::date from assignment a
						  where a.acknowledge_before < :now and a.acknowledge_before >= cast(:now as timestamptz) - interval '1 day'
						    and a.acknowledged_at is null and a.withdrawn_at is null
						  on conflict do nothing
						  returning assignment_id
						),
						""",
				select("FLASH", NotificationKind.REMINDER_OVERDUE, true, "due",
						"to_char(a.acknowledge_before at time zone :zone, 'DD/MM/YYYY HH24:MI')", UNIT_PEOPLE),
				Map.of("now", Timestamp.from(now), "zone", this.formats.zone().getId(), "what",
						"notification.what.ACKNOWLEDGE"));
	}

	private int unit(Deadline deadline, String stage, NotificationKind kind, boolean urgent, String when,
			Map<String, Object> params) {
		Map<String, Object> all = new java.util.HashMap<>(params);
		all.put("what", "notification.what." + deadline.name());
		return this.notifications.insert("""
				due as (
				  insert into reminder_sent (assignment_id, deadline, stage, due_on)
				  select a.id, '%s', '%s', %s from assignment a
				  where %s %s
				  on conflict do nothing
				  returning assignment_id
				),
				""".formatted(deadline.name(), stage, deadline.column, deadline.open, deadline.column + " " + when),
				select(deadline.name(), kind, urgent, "due", "to_char(" + deadline.column + ", 'DD/MM/YYYY')",
						UNIT_PEOPLE),
				all);
	}

	private int escalate(Deadline deadline, LocalDate upTo, LocalDate backlogBefore) {
		return this.notifications.insert("""
				due as (
				  insert into reminder_sent (assignment_id, deadline, stage, due_on)
				  select a.id, '%s', 'ESCALATED', %s from assignment a
				  where %s %s <= :upTo and %s >= :backlog
				  on conflict do nothing
				  returning assignment_id
				),
				""".formatted(deadline.name(), deadline.column, deadline.open, deadline.column, deadline.column),
				select(deadline.name(), NotificationKind.REMINDER_ESCALATED, true, "due",
						"to_char(" + deadline.column + ", 'DD/MM/YYYY')", LEADERS_ABOVE) + "union all\n"
						+ OFFICERS_SUMMARY,
				Map.of("upTo", upTo, "backlog", backlogBefore, "what", "notification.what." + deadline.name()));
	}

	/**
	 * The messages of the reminders just recorded: for each, every account the condition
	 * names, with the directive's number, what is due, the deadline and the unit.
	 */
	private static String select(String deadline, NotificationKind kind, boolean urgent, String due,
			String deadlineText, String recipients) {
		return """
				select acc.id, '%s', %s,
				       jsonb_build_object('number', %s, 'what', :what, 'deadline', %s, 'unit', u.name),
				       '/inbox/' || a.id
				from %s join assignment a on a.id = %s.assignment_id
				join directive d on d.id = a.directive_id
				join unit u on u.id = a.unit_id
				%s
				""".formatted(kind.name(), urgent, DirectiveCatalog.NUMBER_AND_SYMBOL_SQL, deadlineText, due, due,
				recipients);
	}

	/** The deadlines reminded of: the column that holds it, and when it is still open. */
	enum Deadline {

		ACKNOWLEDGE("a.acknowledge_by", "a.acknowledged_at is null and a.withdrawn_at is null and "),

		REPORT("a.due_on", "a.role = 'IMPLEMENT' and a.withdrawn_at is null and not exists (select 1 from report rp"
				+ " where rp.assignment_id = a.id and rp.period_due = a.due_on and rp.submitted_at is not null) and ");

		private final String column;

		private final String open;

		Deadline(String column, String open) {
			this.column = column;
			this.open = open;
		}

	}

}
