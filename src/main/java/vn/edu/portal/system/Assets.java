package vn.edu.portal.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Paths of the static files, computed once at start-up so that no request looks anything
 * up on the class path. WebJars carry their version in the path; the portal's own files
 * get a fingerprint of their content, so a browser may cache them for a year and still
 * sees a new version at once. Templates use {@code th:with="css=${@assets.portalCss}"}.
 */
@Component("assets")
public class Assets {

	private final String bootstrapCss;

	private final String bootstrapJs;

	private final String portalCss;

	private final String unitPickerJs;

	private final String directivePrintCss;

	private final String directiveScreenCss;

	private final String autosaveJs;

	private final String passkeysJs;

	private final String incidentFormJs;

	private final String chartJs;

	private final String dashboardChartsJs;

	private final String faviconSvg;

	Assets(PortalProperties properties) {
		String base = "/webjars/bootstrap/" + properties.assets().bootstrapVersion() + "/dist/";
		this.bootstrapCss = base + "css/bootstrap.min.css";
		this.bootstrapJs = base + "js/bootstrap.bundle.min.js";
		this.portalCss = fingerprinted("/css/portal.css");
		this.unitPickerJs = fingerprinted("/js/unit-picker.js");
		this.directivePrintCss = fingerprinted("/css/directive-print.css");
		this.directiveScreenCss = fingerprinted("/css/directive-screen.css");
		this.autosaveJs = fingerprinted("/js/autosave.js");
		this.passkeysJs = fingerprinted("/js/passkeys.js");
		this.incidentFormJs = fingerprinted("/js/incident-form.js");
		this.chartJs = "/webjars/chart.js/" + properties.assets().chartjsVersion() + "/dist/chart.umd.min.js";
		this.dashboardChartsJs = fingerprinted("/js/dashboard-charts.js");
		this.faviconSvg = fingerprinted("/images/favicon.svg");
	}

	private static String fingerprinted(String path) {
		try (InputStream content = new ClassPathResource("static" + path).getInputStream()) {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.readAllBytes());
			return path + "?v=" + HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String getBootstrapCss() {
		return this.bootstrapCss;
	}

	public String getBootstrapJs() {
		return this.bootstrapJs;
	}

	public String getPortalCss() {
		return this.portalCss;
	}

	public String getUnitPickerJs() {
		return this.unitPickerJs;
	}

	public String getDirectivePrintCss() {
		return this.directivePrintCss;
	}

	public String getDirectiveScreenCss() {
		return this.directiveScreenCss;
	}

	public String getAutosaveJs() {
		return this.autosaveJs;
	}

	public String getIncidentFormJs() {
		return this.incidentFormJs;
	}

	public String getChartJs() {
		return this.chartJs;
	}

	public String getDashboardChartsJs() {
		return this.dashboardChartsJs;
	}

	public String getFaviconSvg() {
		return this.faviconSvg;
	}

	public String getPasskeysJs() {
		return this.passkeysJs;
	}

}
