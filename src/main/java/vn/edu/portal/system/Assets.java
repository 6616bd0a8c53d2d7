package vn.edu.portal.system;

import org.springframework.stereotype.Component;

/**
 * Paths of the static libraries, computed once at start-up so that no request looks
 * anything up on the class path. Templates use {@code @{${@assets.bootstrapCss}}}.
 */
@Component("assets")
public class Assets {

	private final String bootstrapCss;

	private final String bootstrapJs;

	Assets(PortalProperties properties) {
		String base = "/webjars/bootstrap/" + properties.assets().bootstrapVersion() + "/dist/";
		this.bootstrapCss = base + "css/bootstrap.min.css";
		this.bootstrapJs = base + "js/bootstrap.bundle.min.js";
	}

	public String getBootstrapCss() {
		return this.bootstrapCss;
	}

	public String getBootstrapJs() {
		return this.bootstrapJs;
	}

}
