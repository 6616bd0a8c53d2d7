package vn.edu.portal.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.account.NewDeviceSignedIn;
import vn.edu.portal.delivery.DirectiveForwarded;
import vn.edu.portal.delivery.ReportReviewed;
import vn.edu.portal.directive.DirectiveAmended;
import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.directive.DirectivePublished;
import vn.edu.portal.directive.DirectiveRecalled;
import vn.edu.portal.directive.Urgency;
import vn.edu.portal.incident.IncidentStepTaken;
import vn.edu.portal.system.Formats;

/**
 * Turns the other modules' events into messages for the right accounts. The listeners run
 * in the transaction that published the event, so the messages and their e-mails in the
 * outbox are committed with it, or not at all.
 */
@Component
class NotificationListeners {

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final Formats formats;

	NotificationListeners(Notifications notifications, JdbcClient jdbc, Formats formats) {
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.formats = formats;
	}

	/**
	 * A sign-in from a new browser reaches its account's owner at once, by e-mail too
	 * (marked urgent, so that a choice of urgent e-mail only still gets it).
	 */
	@EventListener
	void newDevice(NewDeviceSignedIn signedIn) {
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("time", this.formats.dateTime(signedIn.at()));
		args.put("address", signedIn.address());
		args.put("browser", signedIn.browser());
		this.notifications.send(Audience.account(signedIn.accountId()), NotificationKind.NEW_DEVICE_SIGN_IN, true, args,
				"/account#sessions");
	}

	@EventListener
	void published(DirectivePublished published) {
		List<Long> units = published.recipients().stream().map(DirectivePublished.Recipient::unitId).toList();
		if (units.isEmpty()) {
			return;
		}
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("number", published.numberAndSymbol());
		args.put("subject", published.subject());
		args.put("deadline",
				(published.acknowledgeBy() != null) ? Formats.dayMonthYear(published.acknowledgeBy()) : "");
		this.notifications.send(Audience.unitsOf(units), NotificationKind.DIRECTIVE_DELIVERED,
				published.urgency() != Urgency.NORMAL, args, "/directives/" + published.directiveId());
	}

	@EventListener
	void forwarded(DirectiveForwarded forwarded) {
		if (forwarded.unitIds().isEmpty()) {
			return;
		}
		Map<String, Object> args = directive(forwarded.directiveId());
		args.put("from", this.jdbc.sql("""
				select coalesce(u.short_name, u.name) from assignment a join unit u on u.id = a.unit_id where a.id = ?
				""").param(forwarded.parentAssignmentId()).query(String.class).single());
		this.notifications.send(Audience.unitsOf(forwarded.unitIds()), NotificationKind.DIRECTIVE_FORWARDED,
				urgent(forwarded.directiveId()), args, "/directives/" + forwarded.directiveId());
	}

	@EventListener
	void amended(DirectiveAmended amended) {
		Map<String, Object> args = directive(amended.directiveId());
		args.put("note", (amended.changeNote() != null) ? amended.changeNote() : "");
		sendToRecipients(amended.directiveId(), NotificationKind.DIRECTIVE_AMENDED, args);
	}

	@EventListener
	void recalled(DirectiveRecalled recalled) {
		Map<String, Object> args = directive(recalled.directiveId());
		args.put("reason", (recalled.reason() != null) ? recalled.reason() : "");
		sendToRecipients(recalled.directiveId(), NotificationKind.DIRECTIVE_RECALLED, args);
	}

	@EventListener
	void reviewed(ReportReviewed reviewed) {
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("number", directive(reviewed.directiveId()).get("number"));
		args.put("period", Formats.dayMonthYear(reviewed.period()));
		this.notifications.send(Audience.unitsOf(List.of(reviewed.unitId())),
				reviewed.accepted() ? NotificationKind.REPORT_ACCEPTED : NotificationKind.REPORT_RETURNED,
				!reviewed.accepted(), args, "/inbox/" + reviewed.assignmentId() + "/reports/" + reviewed.period());
	}

	/**
	 * Incidents: a submission reaches the Department's reviewers (at once, marked urgent,
	 * for levels 3 and 4); an assignment its reviewer; a question, an escalation and a
	 * resolution the reporting unit's leaders. Only the number, unit and severity: never
	 * names or evidence, which the link leads to for those who may see them.
	 */
	@EventListener
	void incident(IncidentStepTaken step) {
		String link = "/incidents/" + step.incidentId();
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("incident", "#" + step.incidentId());
		args.put("unit",
				this.jdbc.sql("select name from unit where id = ?").param(step.unitId()).query(String.class).single());
		args.put("severity", step.severity());
		boolean urgent = step.severity() >= 3;
		switch (step.status()) {
			case SUBMITTED -> this.notifications.send(Audience.reviewersAbove(step.unitId()),
					NotificationKind.INCIDENT_SUBMITTED, urgent, args, link);
			case ACCEPTED -> {
				if (step.reviewerId() != null && step.reviewerId() != step.actorId()) {
					this.notifications.send(Audience.account(step.reviewerId()), NotificationKind.INCIDENT_ASSIGNED,
							urgent, args, link);
				}
			}
			case NEEDS_INFO -> this.notifications.send(Audience.leadersOf(List.of(step.unitId())),
					NotificationKind.INCIDENT_NEEDS_INFO, true, Map.of("incident", args.get("incident")), link);
			case ESCALATED -> this.notifications.send(Audience.leadersOf(List.of(step.unitId())),
					NotificationKind.INCIDENT_ESCALATED, urgent, Map.of("incident", args.get("incident")), link);
			case RESOLVED -> this.notifications.send(Audience.leadersOf(List.of(step.unitId())),
					NotificationKind.INCIDENT_RESOLVED, false, Map.of("incident", args.get("incident")), link);
			default -> {
			}
		}
	}

	private void sendToRecipients(long directiveId, NotificationKind kind, Map<String, Object> args) {
		List<Long> units = this.jdbc.sql("select distinct unit_id from assignment where directive_id = ?")
			.param(directiveId)
			.query(Long.class)
			.list();
		if (!units.isEmpty()) {
			this.notifications.send(Audience.unitsOf(units), kind, true, args, "/directives/" + directiveId);
		}
	}

	private Map<String, Object> directive(long directiveId) {
		return this.jdbc.sql("select number, symbol, subject from directive where id = ?")
			.param(directiveId)
			.query((rs, i) -> {
				Map<String, Object> args = new LinkedHashMap<>();
				args.put("number", (rs.getObject("number") != null)
						? DirectiveCatalog.numberAndSymbol(rs.getInt("number"), rs.getString("symbol")) : "");
				args.put("subject", rs.getString("subject"));
				return args;
			})
			.single();
	}

	private boolean urgent(long directiveId) {
		return !"NORMAL".equals(this.jdbc.sql("select urgency from directive where id = ?")
			.param(directiveId)
			.query(String.class)
			.single());
	}

}
