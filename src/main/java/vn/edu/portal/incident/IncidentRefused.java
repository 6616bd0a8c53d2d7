package vn.edu.portal.incident;

/**
 * A step refused for a reason the user can act on (message key
 * {@code incident.refused.*}).
 */
class IncidentRefused extends RuntimeException {

	private final String reason;

	IncidentRefused(String reason) {
		super(reason);
		this.reason = reason;
	}

	String messageKey() {
		return "incident.refused." + this.reason;
	}

}
