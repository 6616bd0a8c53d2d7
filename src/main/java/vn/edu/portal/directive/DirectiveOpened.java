package vn.edu.portal.directive;

import java.time.Instant;

/**
 * Someone opened a directive's page: the read receipt of their unit's assignment.
 *
 * @param directiveId the directive
 * @param accountId who
 * @param unitId their unit, or {@code null}
 * @param at when
 */
public record DirectiveOpened(long directiveId, long accountId, Long unitId, Instant at) {
}
