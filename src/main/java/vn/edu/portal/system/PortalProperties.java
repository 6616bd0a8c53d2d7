package vn.edu.portal.system;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by the whole portal.
 *
 * @param timeZone the zone every date and time is shown in
 * @param assets versions of the static libraries, resolved once at start-up
 */
@ConfigurationProperties("portal")
public record PortalProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone, @DefaultValue Assets assets) {

	/**
	 * @param bootstrapVersion the Bootstrap WebJar version, filled in by the build
	 * @param chartjsVersion the Chart.js WebJar version, filled in by the build
	 */
	public record Assets(@DefaultValue("5.3.8") String bootstrapVersion, @DefaultValue("4.5.1") String chartjsVersion) {
	}

}
