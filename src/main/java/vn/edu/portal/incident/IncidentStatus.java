package vn.edu.portal.incident;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The workflow of domain.md §4 (message keys {@code incident.status.*}). */
public enum IncidentStatus {

	DRAFT, SUBMITTED, ACCEPTED, IN_PROGRESS, NEEDS_INFO, ESCALATED, RESOLVED, CLOSED;

	/**
	 * The open statuses as an SQL list, {@code ('SUBMITTED', …)}: the triage list's and
	 * the serious incidents' condition, written as the partial index of the open
	 * incidents in the triage list's order (V69) is, so that PostgreSQL uses it for them.
	 */
	static final String OPEN_IN_SQL = Arrays.stream(values())
		.filter(IncidentStatus::isOpen)
		.map((status) -> "'" + status.name() + "'")
		.collect(Collectors.joining(", ", "(", ")"));

	/** Submitted and not yet resolved: waiting for the Department or being handled. */
	public boolean isOpen() {
		return this == SUBMITTED || isBeingHandled();
	}

	/** Being handled by a reviewer: accepted and not yet resolved. */
	public boolean isBeingHandled() {
		return this == ACCEPTED || this == IN_PROGRESS || this == NEEDS_INFO || this == ESCALATED;
	}

}
