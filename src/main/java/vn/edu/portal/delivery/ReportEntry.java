package vn.edu.portal.delivery;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What a report says of one task.
 *
 * @param status done, in progress, not started
 * @param narrative what was done
 */
@Embeddable
record ReportEntry(@Enumerated(EnumType.STRING) TaskProgress status, String narrative) {

	/** How far a task got. */
	enum TaskProgress {

		DONE, IN_PROGRESS, NOT_STARTED

	}

}
