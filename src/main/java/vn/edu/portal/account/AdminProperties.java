package vn.edu.portal.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator.
 *
 * @param password {@code PORTAL_ADMIN_PASSWORD}: the password of the {@code admin}
 * account created on the first start; when empty, a random one is printed once to the log
 * and must be changed at first login
 */
@ConfigurationProperties("portal.admin")
record AdminProperties(String password) {

	boolean hasPassword() {
		return this.password != null && !this.password.isBlank();
	}

}
