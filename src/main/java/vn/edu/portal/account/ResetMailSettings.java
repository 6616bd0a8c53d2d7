package vn.edu.portal.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-mail settings a password reset link is sent with: the same sender and portal
 * address as every other e-mail of the portal ({@code portal.notifications.*}). The link
 * is built on the configured address, never on the request's Host header, which a
 * requester controls.
 *
 * @param from the sender address
 * @param baseUrl the portal's address
 */
@ConfigurationProperties("portal.notifications")
record ResetMailSettings(@DefaultValue("Cổng chỉ đạo và báo cáo sự cố <khong-tra-loi@portal.local>") String from,
		@DefaultValue("http://localhost:8080") String baseUrl) {

	String link(String path) {
		return (this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl)
				+ path;
	}

}
