package vn.edu.portal.incident;

/** The workflow of domain.md §4 (message keys {@code incident.status.*}). */
public enum IncidentStatus {

	DRAFT, SUBMITTED, ACCEPTED, IN_PROGRESS, NEEDS_INFO, ESCALATED, RESOLVED, CLOSED;

	/** Being handled by a reviewer: accepted and not yet resolved. */
	public boolean isBeingHandled() {
		return this == ACCEPTED || this == IN_PROGRESS || this == NEEDS_INFO || this == ESCALATED;
	}

}
