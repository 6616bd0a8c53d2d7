package vn.edu.portal.directive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A directive was published to its recipients, resolved to the units as they were that
 * day. Published inside the publication's transaction: a listener that writes (the
 * delivery's assignments) commits or rolls back with it.
 *
 * @param directiveId the directive
 * @param issuerUnitId the issuing unit
 * @param numberAndSymbol "340/SGD&ĐT-CTTT"
 * @param subject the subject
 * @param urgency the urgency
 * @param publishedAt when
 * @param acknowledgeBy the day recipients acknowledge by
 * @param dueOn the day the (first) implementation report is due, or {@code null}
 * @param forwardingRequired whether offices with units below them must forward it
 * @param recipients every recipient unit with its role
 */
public record DirectivePublished(long directiveId, long issuerUnitId, String numberAndSymbol, String subject,
		Urgency urgency, Instant publishedAt, LocalDate acknowledgeBy, LocalDate dueOn, boolean forwardingRequired,
		List<Recipient> recipients) {

	/**
	 * A recipient unit.
	 *
	 * @param unitId the unit
	 * @param role implement or inform
	 */
	public record Recipient(long unitId, RecipientRole role) {
	}

}
