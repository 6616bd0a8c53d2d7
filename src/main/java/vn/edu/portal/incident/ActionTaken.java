package vn.edu.portal.incident;

/** What the unit already did (message keys {@code incident.action.*}). */
public enum ActionTaken {

	REMOVAL_REQUESTED, POLICE_INFORMED, PARENTS_CONTACTED, COUNSELLING, DISCIPLINE, PUBLIC_STATEMENT

}
