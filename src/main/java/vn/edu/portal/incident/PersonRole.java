package vn.edu.portal.incident;

/** Who a person involved is, never by name (message keys {@code incident.role.*}). */
public enum PersonRole {

	STUDENT, TEACHER, STAFF, PARENT, OUTSIDER

}
