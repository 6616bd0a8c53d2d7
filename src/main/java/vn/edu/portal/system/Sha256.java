package vn.edu.portal.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a text (of its UTF-8 bytes) in lower-case hex: how secret tokens are
 * stored, and how printed pages are told apart.
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * The digest of the text.
	 * @param text any text
	 * @return 64 hex digits
	 */
	public static String hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
