package vn.edu.portal.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.spec.KeySpec;

import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The secret every instance of the portal shares ({@code portal.secret}, environment
 * variable {@code PORTAL_SECRET}), from which keys are derived for what one instance
 * hands another through the database (the temporary passwords of an import). Each purpose
 * gets its own AES-256 key (PBKDF2 with HMAC-SHA-256 over the secret, the purpose as
 * salt), and the encryption is AES-GCM with a random nonce per message (Spring Security's
 * {@link AesBytesEncryptor}): a reader of the database or of a dump without the secret
 * learns nothing, and a changed byte is refused.
 * <p>
 * Without a secret the portal starts with a built-in development secret and says so in
 * the log at every start: fine on a laptop, not in production.
 */
@Component
public class SharedSecret {

	/** The secret used when none is set: public, so only for development and tests. */
	static final String DEVELOPMENT_SECRET = "development-only-secret-of-the-portal-set-PORTAL_SECRET";

	private static final Logger log = LoggerFactory.getLogger(SharedSecret.class);

	private static final int ITERATIONS = 100_000;

	private final char[] secret;

	SharedSecret(Environment environment) {
		String configured = environment.getProperty("portal.secret", "").strip();
		if (configured.isEmpty()) {
			log.warn("portal.secret (PORTAL_SECRET) is not set: the built-in development secret protects the "
					+ "temporary passwords kept for download. Set the same long random value on every instance "
					+ "in production.");
			configured = DEVELOPMENT_SECRET;
		}
		else if (configured.length() < 32) {
			throw new IllegalStateException("portal.secret (PORTAL_SECRET) must be at least 32 characters long");
		}
		this.secret = configured.toCharArray();
	}

	/**
	 * An authenticated encryptor (AES-GCM) under a key of its own for the purpose. The
	 * key is derived when the encryptor is first used, not when it is made: 100,000
	 * rounds of PBKDF2 cost a start-up half a second for something an administrator needs
	 * now and then.
	 */
	public BytesEncryptor encryptorFor(String purpose) {
		return new DerivedOnFirstUse(SingletonSupplier.of(() -> derive(purpose)));
	}

	private BytesEncryptor derive(String purpose) {
		try {
			KeySpec spec = new PBEKeySpec(this.secret, ("vn.edu.portal/" + purpose).getBytes(StandardCharsets.UTF_8),
					ITERATIONS, 256);
			byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			SecretKey aes = new SecretKeySpec(key, "AES");
			return new AesBytesEncryptor(aes, KeyGenerators.secureRandom(12), AesBytesEncryptor.CipherAlgorithm.GCM);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not derive the key for " + purpose, ex);
		}
	}

	/** An encryptor whose key is derived once, by the first encryption or decryption. */
	private record DerivedOnFirstUse(SingletonSupplier<BytesEncryptor> derived) implements BytesEncryptor {

		@Override
		public byte[] encrypt(byte[] bytes) {
			return this.derived.obtain().encrypt(bytes);
		}

		@Override
		public byte[] decrypt(byte[] encryptedBytes) {
			return this.derived.obtain().decrypt(encryptedBytes);
		}

	}

}
