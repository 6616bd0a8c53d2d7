package vn.edu.portal.delivery;

/**
 * A step the delivery rules refuse, with the message shown beside the field concerned.
 */
class DeliveryRefused extends RuntimeException {

	private final String field;

	private final String messageKey;

	DeliveryRefused(String field, String messageKey) {
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
