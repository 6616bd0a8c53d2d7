package vn.edu.portal.incident;

/** How an incident was resolved (message keys {@code incident.resolution.*}). */
public enum Resolution {

	CONTENT_REMOVED, CORRECTED, HANDLED_BY_AUTHORITIES, HANDLED_BY_SCHOOL, NO_VIOLATION, NOT_REMOVABLE, OTHER

}
