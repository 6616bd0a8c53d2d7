package vn.edu.portal.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dashboard: the weights of the compliance score and the thresholds of
 * its colours.
 *
 * @param acknowledgementWeight weight of on-time acknowledgement
 * @param reportWeight weight of on-time reporting
 * @param incidentWeight weight of incidents reported within target
 * @param green a score at or above this is green
 * @param amber a score at or above this (and below green) is amber; below, red
 */
@ConfigurationProperties("portal.dashboard")
record DashboardProperties(@DefaultValue("40") int acknowledgementWeight, @DefaultValue("40") int reportWeight,
		@DefaultValue("20") int incidentWeight, @DefaultValue("90") int green, @DefaultValue("70") int amber) {

	DashboardProperties {
		if (acknowledgementWeight < 0 || reportWeight < 0 || incidentWeight < 0
				|| acknowledgementWeight + reportWeight + incidentWeight == 0) {
			throw new IllegalArgumentException("portal.dashboard weights: none negative, not all zero");
		}
		if (amber > green || green > 100 || amber < 0) {
			throw new IllegalArgumentException("portal.dashboard thresholds: 0 <= amber <= green <= 100");
		}
	}

	/** The colour band of a score: green, amber, red, or none without a score. */
	public String band(Integer score) {
		if (score == null) {
			return "none";
		}
		return (score >= this.green) ? "green" : (score >= this.amber) ? "amber" : "red";
	}

}
