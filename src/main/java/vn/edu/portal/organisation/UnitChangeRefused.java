package vn.edu.portal.organisation;

/**
 * A change to the unit tree that breaks a rule, with the message key (and arguments) to
 * show beside the field at fault.
 */
class UnitChangeRefused extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	UnitChangeRefused(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] arguments() {
		return this.arguments;
	}

}
