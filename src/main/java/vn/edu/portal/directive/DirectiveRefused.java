package vn.edu.portal.directive;

/**
 * A lifecycle step the rules refuse, with the message shown beside the field concerned.
 */
class DirectiveRefused extends RuntimeException {

	private final String field;

	private final String messageKey;

	DirectiveRefused(String field, String messageKey) {
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
