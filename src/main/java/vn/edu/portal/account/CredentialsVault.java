package vn.edu.portal.account;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.stereotype.Component;

import vn.edu.portal.system.SharedSecret;
import vn.edu.portal.system.TabularExport;

/**
 * Holds the temporary passwords of an import for one download by the administrator who
 * ran it, for a quarter of an hour at most, so that any instance of the portal can answer
 * the download: the CSV is kept in PostgreSQL encrypted (AES-GCM, key derived from
 * {@code portal.secret}), found by the hash of a random token, and deleted by the
 * download that reads it (one statement, so two downloads at once get it once). Expired
 * ones are swept by {@link ShortLivedSecrets}.
 */
@Component
class CredentialsVault {

	static final Duration LIFETIME = Duration.ofMinutes(15);

	static final List<String> HEADER = List.of("username", "full_name", "temporary_password");

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final BytesEncryptor encryptor;

	private final Clock clock;

	CredentialsVault(JdbcClient jdbc, SharedSecret secret, Clock clock) {
		this.jdbc = jdbc;
		this.encryptor = secret.encryptorFor("import-credentials");
		this.clock = clock;
	}

	/** Keeps the list and answers the token to take it back with. */
	String put(long administratorId, List<AccountImport.Credential> credentials) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		TabularExport.csv(csv, HEADER,
				credentials.stream().map((c) -> List.of(c.username(), c.fullName(), c.temporaryPassword())));
		this.jdbc.sql("""
				insert into import_credentials (token_hash, administrator_id, content, expires_at)
				values (?, ?, ?, ?)
				""")
			.params(hash(token), administratorId, this.encryptor.encrypt(csv.toByteArray()),
					Timestamp.from(this.clock.instant().plus(LIFETIME)))
			.update();
		return token;
	}

	/**
	 * The list as CSV, once, to the administrator who put it there, while it lasts.
	 * Another administrator's attempt does not spend it.
	 */
	Optional<byte[]> take(long administratorId, String token) {
		if (token == null || !token.matches("[0-9a-f]{48}")) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				delete from import_credentials
				where token_hash = ? and administrator_id = ? and expires_at > ?
				returning content
				""")
			.params(hash(token), administratorId, Timestamp.from(this.clock.instant()))
			.query((rs, i) -> rs.getBytes("content"))
			.optional()
			.map(this.encryptor::decrypt);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
