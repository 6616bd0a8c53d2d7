package vn.edu.portal.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * One-time codes of RFC 6238 as authenticator apps make them: HMAC-SHA1, six digits, a
 * new code every 30 seconds; the code of the step before and after is accepted too (a
 * phone's clock a little off). The codes come from the java-otp library; this class keeps
 * the secret's Base32 form (RFC 4648) that the apps read.
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final TimeBasedOneTimePasswordGenerator CODES = new TimeBasedOneTimePasswordGenerator(STEP, 6);

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new secret of 160 bits, in Base32. */
	static String newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return encode(secret);
	}

	/** The address an authenticator app reads from the QR code. */
	static String uri(String issuer, String username, String secret) {
		String label = encodeUri(issuer) + ":" + encodeUri(username);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encodeUri(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	/** The time step of an instant. */
	static long stepOf(Instant at) {
		return at.getEpochSecond() / STEP.getSeconds();
	}

	/**
	 * The step whose code the typed code is, within one step of now and after the last
	 * one used, or -1.
	 */
	static long matchingStep(String secret, String typed, Instant now, long lastUsedStep) {
		String digits = (typed != null) ? typed.replaceAll("\\s", "") : "";
		if (!digits.matches("[0-9]{6}")) {
			return -1;
		}
		long current = stepOf(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (step > lastUsedStep && code(secret, step).equals(digits)) {
				return step;
			}
		}
		return -1;
	}

	/** The code of a step. */
	static String code(String secret, long step) {
		try {
			return CODES.generateOneTimePasswordString(new SecretKeySpec(decode(secret), "HmacSHA1"),
					Instant.ofEpochSecond(step * STEP.getSeconds()), java.util.Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String encode(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] decode(String base32) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : base32.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not Base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	private static String encodeUri(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
