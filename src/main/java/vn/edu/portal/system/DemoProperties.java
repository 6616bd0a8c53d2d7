package vn.edu.portal.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data: {@code PORTAL_DEMO_DATA=true} loads, once, a small real-looking province
 * (Bến Tre) and its demo accounts, all with the password {@code PORTAL_DEMO_PASSWORD}
 * (else a random one printed once to the log). On by default in the embedded mode of the
 * run command.
 *
 * @param data whether to load the demo data
 * @param password the password of every demo account, or empty for a random one
 */
@ConfigurationProperties("portal.demo")
public record DemoProperties(boolean data, String password) {

	public boolean hasPassword() {
		return this.password != null && !this.password.isBlank();
	}

}
