package vn.edu.portal.directive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A published directive has a new version; its recipients are told.
 *
 * @param directiveId the directive
 * @param amendment the new version's number (1 for the first amendment)
 * @param changeNote what changed
 * @param amendedAt when
 * @param reportDue the (first) report deadline it gives now, or {@code null}
 */
public record DirectiveAmended(long directiveId, int amendment, String changeNote, Instant amendedAt,
		LocalDate reportDue) {
}
