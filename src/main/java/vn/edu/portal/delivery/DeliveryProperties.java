package vn.edu.portal.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of delivery.
 *
 * @param flashAcknowledgeWithin how soon after delivery a hỏa tốc (flash) directive is
 * acknowledged: its deadline counts hours, not working days
 * @param maxReportFiles how many files an implementation report holds
 * @param resemblanceThreshold the trigram similarity (0 to 1) from which a submitted
 * report is marked for the reviewer as resembling another unit's on the same directive
 * and period
 * @param resemblanceMinLength the shortest narrative (in characters) compared: short ones
 * are alike by nature
 */
@ConfigurationProperties("portal.delivery")
record DeliveryProperties(@DefaultValue("2h") Duration flashAcknowledgeWithin, @DefaultValue("10") int maxReportFiles,
		@DefaultValue("0.9") double resemblanceThreshold, @DefaultValue("200") int resemblanceMinLength) {

	DeliveryProperties {
		if (flashAcknowledgeWithin.isNegative() || flashAcknowledgeWithin.isZero()) {
			throw new IllegalArgumentException("portal.delivery.flash-acknowledge-within must be positive");
		}
		if (maxReportFiles <= 0) {
			throw new IllegalArgumentException("portal.delivery.max-report-files must be positive");
		}
		if (!(resemblanceThreshold > 0 && resemblanceThreshold <= 1) || resemblanceMinLength < 0) {
			throw new IllegalArgumentException(
					"portal.delivery.resemblance-threshold must be within (0, 1] and resemblance-min-length not negative");
		}
	}

}
