package vn.edu.portal.delivery;

import java.time.Instant;

/** Where an assignment stands, derived from what was recorded. */
enum AssignmentState {

	NEW, READ, ACKNOWLEDGED, FORWARDED, WITHDRAWN;

	static AssignmentState of(Instant readAt, Instant acknowledgedAt, Instant forwardedAt, Instant withdrawnAt) {
		if (withdrawnAt != null) {
			return WITHDRAWN;
		}
		if (forwardedAt != null) {
			return FORWARDED;
		}
		if (acknowledgedAt != null) {
			return ACKNOWLEDGED;
		}
		return (readAt != null) ? READ : NEW;
	}

	/** The SQL that derives it for an assignment aliased {@code a}. */
	static final String SQL = """
			case when a.withdrawn_at is not null then 'WITHDRAWN' when a.forwarded_at is not null then 'FORWARDED'
			     when a.acknowledged_at is not null then 'ACKNOWLEDGED' when a.read_at is not null then 'READ'
			     else 'NEW' end""";

}
