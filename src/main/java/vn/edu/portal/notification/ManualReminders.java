package vn.edu.portal.notification;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.directive.DirectiveCatalog;

/**
 * A reminder someone asks for (the dashboard's "remind" button), sent the way the
 * scheduled ones are: to everyone of the unit, in-app and by e-mail through the outbox,
 * recorded so that it goes at most once a day for each deadline.
 */
@Service
public class ManualReminders {

	private final Notifications notifications;

	ManualReminders(Notifications notifications) {
		this.notifications = notifications;
	}

	/**
	 * Reminds the unit of an assignment of a deadline it missed.
	 * @param assignmentId the assignment, whose visibility the caller has checked
	 * @param report whether the deadline is a report's (else the acknowledgement's)
	 * @param due the deadline
	 * @param today today
	 * @return whether a reminder went (none if one went already today)
	 */
	@Transactional
	public boolean remind(long assignmentId, boolean report, LocalDate due, LocalDate today) {
		String deadline = report ? "REPORT" : "ACKNOWLEDGE";
		return this.notifications.insert("""
				due as (
				  insert into reminder_sent (assignment_id, deadline, stage, due_on)
				  values (:assignment, :deadline, 'MANUAL-' || :due, :today)
				  on conflict do nothing
				  returning assignment_id
				),
				""",
				"""
						select acc.id, 'REMINDER_OVERDUE', true,
						       jsonb_build_object('number', %s, 'what', :what, 'deadline', to_char(cast(:due as date), 'DD/MM/YYYY')),
						       '/inbox/' || a.id
						from due join assignment a on a.id = due.assignment_id
						join directive d on d.id = a.directive_id
						join account acc on acc.enabled and acc.unit_id = a.unit_id
						  and exists (select 1 from account_role r where r.account_id = acc.id
						              and r.role in ('UNIT_LEADER', 'UNIT_STAFF'))
						"""
					.formatted(DirectiveCatalog.NUMBER_AND_SYMBOL_SQL),
				Map.of("assignment", assignmentId, "deadline", deadline, "due", due.toString(), "today", today, "what",
						"notification.what." + deadline)) > 0;
	}

}
