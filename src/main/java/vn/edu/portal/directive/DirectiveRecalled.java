package vn.edu.portal.directive;

import java.time.Instant;

/**
 * A published directive was recalled (thu hồi): its assignments stop counting as due.
 *
 * @param directiveId the directive
 * @param reason why
 * @param recalledAt when
 */
public record DirectiveRecalled(long directiveId, String reason, Instant recalledAt) {
}
