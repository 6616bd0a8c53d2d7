package vn.edu.portal.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's second factor: a one-time code app (enrolled with a code it shows, so that
 * a wrongly scanned QR code is noticed at once) and ten single-use recovery codes, shown
 * once and stored hashed. A code is accepted once: a code seen over a shoulder or in a
 * proxy's log cannot be played again.
 */
@Service
class SecondFactor {

	static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final TemporaryPasswords hashes;

	private final PasswordEncoder encoder;

	SecondFactor(JdbcClient jdbc, TemporaryPasswords hashes, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.hashes = hashes;
		this.encoder = encoder;
	}

	boolean enrolled(long accountId) {
		return this.jdbc.sql("select exists (select 1 from account_totp where account_id = ?)")
			.param(accountId)
			.query(Boolean.class)
			.single();
	}

	int recoveryCodesLeft(long accountId) {
		return this.jdbc.sql("select count(*) from account_recovery_code where account_id = ? and used_at is null")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Enrols the app whose secret the user scanned, if the typed code is its current one.
	 * @return the recovery codes, to be shown once; empty if the code was wrong
	 */
	@Transactional
	Optional<List<String>> enrol(long accountId, String secret, String typed, Instant now) {
		long step = Totp.matchingStep(secret, typed, now, 0);
		if (step < 0) {
			return Optional.empty();
		}
		this.jdbc
			.sql("""
					insert into account_totp (account_id, secret, enrolled_at, last_used_step) values (:id, :secret, :now, :step)
					on conflict (account_id) do update set secret = excluded.secret, enrolled_at = excluded.enrolled_at,
					                                       last_used_step = excluded.last_used_step
					""")
			.param("id", accountId)
			.param("secret", secret)
			.param("now", Timestamp.from(now))
			.param("step", step)
			.update();
		return Optional.of(newRecoveryCodes(accountId));
	}

	/** Replaces the recovery codes; answers the new ones, to be shown once. */
	@Transactional
	List<String> newRecoveryCodes(long accountId) {
		this.jdbc.sql("delete from account_recovery_code where account_id = ?").param(accountId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = recoveryCode();
			codes.add(code);
			this.jdbc.sql("insert into account_recovery_code (account_id, code_hash) values (?, ?)")
				.params(accountId, this.hashes.hash(normalise(code)))
				.update();
		}
		return codes;
	}

	/**
	 * Checks a code from the app, or a recovery code (which is then used up).
	 * @return how the code matched, or empty if it did not
	 */
	@Transactional
	Optional<String> verify(long accountId, String typed, Instant now) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		record Enrolment(String secret, long lastUsedStep) {
		}
		Optional<Enrolment> enrolment = this.jdbc
			.sql("select secret, last_used_step from account_totp where account_id = ? for update")
			.param(accountId)
			.query((rs, row) -> new Enrolment(rs.getString(1), rs.getLong(2)))
			.optional();
		if (enrolment.isEmpty()) {
			return Optional.empty();
		}
		long step = Totp.matchingStep(enrolment.get().secret(), typed, now, enrolment.get().lastUsedStep());
		if (step >= 0) {
			this.jdbc.sql("update account_totp set last_used_step = ? where account_id = ?")
				.params(step, accountId)
				.update();
			return Optional.of("totp");
		}
		String code = normalise(typed);
		record Stored(long id, String hash) {
		}
		List<Stored> unused = this.jdbc
			.sql("select id, code_hash from account_recovery_code where account_id = ? and used_at is null for update")
			.param(accountId)
			.query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2)))
			.list();
		for (Stored stored : unused) {
			if (this.encoder.matches(code, stored.hash())) {
				this.jdbc.sql("update account_recovery_code set used_at = ? where id = ?")
					.params(Timestamp.from(now), stored.id())
					.update();
				return Optional.of("recovery-code");
			}
		}
		return Optional.empty();
	}

	/**
	 * Removes the account's second factors, its one-time codes and its passkeys (an
	 * administrator's reset: a lost or stolen phone).
	 */
	@Transactional
	boolean reset(long accountId) {
		this.jdbc.sql("delete from account_recovery_code where account_id = ?").param(accountId).update();
		int passkeys = this.jdbc
			.sql("delete from user_entities where name = (select username from account where id = ?)")
			.param(accountId)
			.update();
		return this.jdbc.sql("delete from account_totp where account_id = ?").param(accountId).update() > 0
				|| passkeys > 0;
	}

	private String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(this.random.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	private static String normalise(String code) {
		return code.strip().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
	}

}
