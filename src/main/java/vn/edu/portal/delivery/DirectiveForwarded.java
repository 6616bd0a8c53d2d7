package vn.edu.portal.delivery;

import java.time.Instant;
import java.util.List;

/**
 * An office forwarded a directive to units below it.
 *
 * @param directiveId the directive
 * @param parentAssignmentId the office's assignment
 * @param unitIds the units that received it now
 * @param at when
 */
public record DirectiveForwarded(long directiveId, long parentAssignmentId, List<Long> unitIds, Instant at) {
}
