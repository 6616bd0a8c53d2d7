package vn.edu.portal.account;

/**
 * A change to an account that breaks a rule: the message key to show beside the field at
 * fault.
 */
class AccountChangeRefused extends RuntimeException {

	private final String field;

	private final String messageKey;

	AccountChangeRefused(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return this.messageKey;
	}

}
