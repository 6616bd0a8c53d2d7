package vn.edu.portal.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of delivery.
 *
 * @param flashAcknowledgeWithin how soon after delivery a hỏa tốc (flash) directive is
 * acknowledged: its deadline counts hours, not working days
 */
@ConfigurationProperties("portal.delivery")
record DeliveryProperties(@DefaultValue("2h") Duration flashAcknowledgeWithin) {

	DeliveryProperties {
		if (flashAcknowledgeWithin.isNegative() || flashAcknowledgeWithin.isZero()) {
			throw new IllegalArgumentException("portal.delivery.flash-acknowledge-within must be positive");
		}
	}

}
