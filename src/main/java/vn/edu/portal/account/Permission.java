package vn.edu.portal.account;

import java.util.EnumSet;
import java.util.Set;

/** What a role may do: the role table of domain.md §1, in one place. */
public enum Permission {

	/** Units, accounts, settings, holidays. */
	ADMINISTER,
	/** Search the audit trail. */
	READ_AUDIT,
	/** Read the directives addressed to the scope. */
	READ_DIRECTIVES,
	/** Draft directives. */
	DRAFT_DIRECTIVES,
	/** Approve, publish, amend and recall directives. */
	PUBLISH_DIRECTIVES,
	/** Acknowledge and forward directives, submit reports and incidents for the unit. */
	ACT_FOR_UNIT,
	/** Draft reports and incidents for the leader to submit. */
	DRAFT_FOR_UNIT,
	/** Review reports and triage incidents. */
	REVIEW,
	/** See the compliance dashboard of the scope. */
	SEE_DASHBOARD,
	/** Read the incidents of the scope (without their restricted part). */
	READ_INCIDENTS;

	static Set<Permission> of(Role role) {
		return switch (role) {
			case SYSTEM_ADMIN -> EnumSet.of(ADMINISTER, READ_AUDIT);
			case DEPARTMENT_LEADER -> EnumSet.of(READ_AUDIT, READ_DIRECTIVES, DRAFT_DIRECTIVES, PUBLISH_DIRECTIVES,
					REVIEW, SEE_DASHBOARD, READ_INCIDENTS);
			case DEPARTMENT_OFFICER ->
				EnumSet.of(READ_DIRECTIVES, DRAFT_DIRECTIVES, REVIEW, SEE_DASHBOARD, READ_INCIDENTS);
			case UNIT_LEADER ->
				EnumSet.of(READ_DIRECTIVES, ACT_FOR_UNIT, DRAFT_FOR_UNIT, SEE_DASHBOARD, READ_INCIDENTS);
			case UNIT_STAFF -> EnumSet.of(READ_DIRECTIVES, DRAFT_FOR_UNIT, READ_INCIDENTS);
		};
	}

}
