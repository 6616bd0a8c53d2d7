package vn.edu.portal.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of incidents. When the nightly erasing runs is
 * {@code portal.incidents.retention-cron}, read by the job itself.
 *
 * @param maxFileSize the largest evidence file
 * @param maxFiles how many evidence files an incident holds
 * @param retentionYears how many years after closing the names and evidence are erased
 * @param formsKeptDays how long files of a new-incident form never saved are kept
 * @param requestAnswerDays how many days a request to a platform or an agency waits for
 * its answer before it is listed on its reviewer's home page
 */
@ConfigurationProperties("portal.incidents")
record IncidentProperties(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("10") int maxFiles,
		@DefaultValue("5") int retentionYears, @DefaultValue("7") int formsKeptDays,
		@DefaultValue("7") int requestAnswerDays) {

	IncidentProperties {
		if (maxFileSize.toBytes() <= 0 || maxFiles <= 0 || retentionYears <= 0 || formsKeptDays <= 0
				|| requestAnswerDays <= 0) {
			throw new IllegalArgumentException("portal.incidents settings must be positive");
		}
	}

}
