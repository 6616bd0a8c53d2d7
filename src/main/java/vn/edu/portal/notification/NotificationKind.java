package vn.edu.portal.notification;

import java.util.List;

/**
 * What a message says, as a message key ({@code notification.kind.*}) and the names of
 * its arguments, in their order. A message carries no restricted part of an incident.
 */
public enum NotificationKind {

	DIRECTIVE_DELIVERED("number", "subject", "deadline"),

	DIRECTIVE_FORWARDED("number", "subject", "from"),

	DIRECTIVE_AMENDED("number", "subject", "note"),

	DIRECTIVE_RECALLED("number", "subject", "reason"),

	REPORT_RETURNED("number", "period"),

	REPORT_ACCEPTED("number", "period"),

	INCIDENT_SUBMITTED("incident", "unit", "severity"),

	INCIDENT_ASSIGNED("incident", "unit", "severity"),

	INCIDENT_NEEDS_INFO("incident"),

	INCIDENT_ESCALATED("incident"),

	INCIDENT_RESOLVED("incident"),

	REMINDER_BEFORE("number", "what", "deadline"),

	REMINDER_DUE("number", "what", "deadline"),

	REMINDER_OVERDUE("number", "what", "deadline"),

	REMINDER_ESCALATED("number", "what", "deadline", "unit"),

	REMINDER_ESCALATED_SUMMARY("count", "units", "what"),

	REMINDER_BACKLOG("count", "unit"),

	NEW_DEVICE_SIGN_IN("time", "address", "browser");

	private final List<String> arguments;

	NotificationKind(String... arguments) {
		this.arguments = List.of(arguments);
	}

	/** The names of the arguments, in the order of the message's {0}, {1}... */
	public List<String> arguments() {
		return this.arguments;
	}

}
