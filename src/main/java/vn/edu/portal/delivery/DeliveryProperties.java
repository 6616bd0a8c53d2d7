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
 */
@ConfigurationProperties("portal.delivery")
record DeliveryProperties(@DefaultValue("2h") Duration flashAcknowledgeWithin, @DefaultValue("10") int maxReportFiles) {

	DeliveryProperties {
		if (flashAcknowledgeWithin.isNegative() || flashAcknowledgeWithin.isZero()) {
			throw new IllegalArgumentException("portal.delivery.flash-acknowledge-within must be positive");
		}
		if (maxReportFiles <= 0) {
			throw new IllegalArgumentException("portal.delivery.max-report-files must be positive");
		}
	}

}
