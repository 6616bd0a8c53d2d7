package vn.edu.portal.account;

/** The roles of domain.md §1. */
public enum Role {

	SYSTEM_ADMIN, DEPARTMENT_LEADER, DEPARTMENT_OFFICER, UNIT_LEADER, UNIT_STAFF;

	public String authority() {
		return "ROLE_" + name();
	}

}
