package vn.edu.portal.interop;

/** A package not taken, with the message key and arguments that say why. */
class EdXmlRefused extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	EdXmlRefused(String messageKey, Object... arguments) {
		super(messageKey + " " + java.util.Arrays.toString(arguments));
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
