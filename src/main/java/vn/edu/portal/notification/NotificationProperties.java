package vn.edu.portal.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notifications. SMTP itself is Spring Boot's {@code spring.mail.*} (host,
 * port, username, password, {@code spring.mail.properties.mail.smtp.starttls.enable}).
 * The schedules ({@code send-every}, {@code digest-cron}, {@code reminder-cron},
 * {@code flash-reminder-cron}) are read by the jobs themselves.
 *
 * @param from the sender address of every e-mail
 * @param baseUrl the portal's address, for the links in e-mails
 * @param batchSize how many e-mails it claims at a time
 * @param claimFor how long a claimed e-mail may take before it counts as interrupted
 * @param maxAttempts how many times an e-mail is tried before it fails for good
 */
@ConfigurationProperties("portal.notifications")
record NotificationProperties(@DefaultValue("Cổng chỉ đạo và báo cáo sự cố <khong-tra-loi@portal.local>") String from,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("50") int batchSize,
		@DefaultValue("5m") Duration claimFor, @DefaultValue("12") int maxAttempts) {

	NotificationProperties {
		if (batchSize < 1 || maxAttempts < 1 || claimFor.isNegative() || claimFor.isZero()) {
			throw new IllegalArgumentException("portal.notifications settings must be positive");
		}
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

}
