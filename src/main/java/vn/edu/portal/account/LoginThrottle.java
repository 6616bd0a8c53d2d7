package vn.edu.portal.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether a password may be checked now, and remembers every check. Three limits,
 * none of which an attacker can aim at someone else:
 * <ul>
 * <li>one client (a browser the account signed in from before, otherwise an address) and
 * one account: a few free failures, then waits that double up to a ceiling;</li>
 * <li>one account, from everywhere: a limit per window that binds only clients the
 * account never signed in from, so its owner on a known browser or address still gets
 * in;</li>
 * <li>one address, for all accounts: a ceiling high enough for a school behind one
 * address, again binding only unknown clients.</li>
 * </ul>
 * A check is recorded before it runs, under a lock per account name, so that guesses sent
 * in parallel are counted too; a success removes the records of its own account and
 * client.
 */
@Component
class LoginThrottle {

	/** The client of second-factor codes: one per account, wherever they come from. */
	static final String CODE_CLIENT = "second-factor";

	private final JdbcClient jdbc;

	private final LoginProperties policy;

	LoginThrottle(JdbcClient jdbc, LoginProperties policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/**
	 * Admits one password check, or refuses it.
	 * @param username the typed account name, normalised
	 * @param address the client's address
	 * @param deviceHash the hash of the browser's device cookie, or {@code null}
	 * @param now the time of the attempt
	 * @return the admitted check, to report its success
	 * @throws LoginThrottledException if the client must wait
	 */
	@Transactional
	public Admission admit(String username, String address, String deviceHash, Instant now) {
		this.jdbc.sql("""
				delete from login_attempt where id in (select id from login_attempt where attempted_at < :cutoff
				                                       limit 100 for update skip locked)
				""").param("cutoff", Timestamp.from(now.minus(this.policy.memory()))).update();
		lockName(username);
		boolean knownDevice = deviceHash != null && knownDevice(username, deviceHash, now);
		String client = knownDevice ? "d:" + deviceHash : "a:" + address;
		Instant retryAt = clientRetryAt(username, client, now);
		if (retryAt.isAfter(now)) {
			throw new LoginThrottledException(LoginThrottledException.Limit.CLIENT, retryAt);
		}
		if (!knownDevice && !knownAddress(username, address, now)) {
			Instant since = now.minus(this.policy.window());
			if (count("username", username, since) >= this.policy.accountFailureLimit()) {
				throw new LoginThrottledException(LoginThrottledException.Limit.ACCOUNT,
						oldest("username", username, since).plus(this.policy.window()));
			}
			if (count("address", address, since) >= this.policy.addressFailureLimit()) {
				throw new LoginThrottledException(LoginThrottledException.Limit.ADDRESS,
						oldest("address", address, since).plus(this.policy.window()));
			}
		}
		return record(username, client, address, now);
	}

	/**
	 * Admits one check of a second-factor code of an account: a few free failures, then
	 * waits that double up to the ceiling, whichever client sends them (the password was
	 * right, so the account's owner is not the one slowed).
	 * @throws LoginThrottledException if the account's codes must wait
	 */
	@Transactional
	public Admission admitCode(String username, String address, Instant now) {
		lockName(username);
		Instant retryAt = clientRetryAt(username, CODE_CLIENT, now);
		if (retryAt.isAfter(now)) {
			throw new LoginThrottledException(LoginThrottledException.Limit.CLIENT, retryAt);
		}
		return record(username, CODE_CLIENT, address, now);
	}

	/** A right password: the client's failures for this account are forgotten. */
	@Transactional
	public void succeeded(Admission admission) {
		this.jdbc.sql("delete from login_attempt where username = :username and client = :client")
			.param("username", admission.username())
			.param("client", admission.client())
			.update();
	}

	/** Holds the lock of an account name until the transaction ends. */
	private void lockName(String username) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('login:' || :username))")
			.param("username", username)
			.query((rs, row) -> 1)
			.list();
	}

	/** Records an admitted check (a failure until its success removes it). */
	private Admission record(String username, String client, String address, Instant now) {
		long id = this.jdbc.sql("""
				insert into login_attempt (username, client, address, attempted_at)
				values (:username, :client, :address, :now) returning id
				""")
			.param("username", username)
			.param("client", client)
			.param("address", address)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		return new Admission(id, username, client);
	}

	private Instant clientRetryAt(String username, String client, Instant now) {
		record Failures(int count, Timestamp last) {
		}
		Failures failures = this.jdbc.sql("""
				select count(*), max(attempted_at) from login_attempt
				where username = :username and client = :client and attempted_at >= :since
				""")
			.param("username", username)
			.param("client", client)
			.param("since", Timestamp.from(now.minus(this.policy.clientMemory())))
			.query((rs, row) -> new Failures(rs.getInt(1), rs.getTimestamp(2)))
			.single();
		Duration delay = this.policy.delayAfter(failures.count());
		return (failures.last() != null && !delay.isZero()) ? failures.last().toInstant().plus(delay) : now;
	}

	private boolean knownDevice(String username, String deviceHash, Instant now) {
		return this.jdbc.sql("""
				select exists (select 1 from account_device d join account a on a.id = d.account_id
				               where a.username = :username and d.token_hash = :hash and d.last_seen_at >= :since)
				""")
			.param("username", username)
			.param("hash", deviceHash)
			.param("since", Timestamp.from(now.minus(this.policy.deviceLifetime())))
			.query(Boolean.class)
			.single();
	}

	private boolean knownAddress(String username, String address, Instant now) {
		return this.jdbc.sql("""
				select exists (select 1 from account_known_address k join account a on a.id = k.account_id
				               where a.username = :username and k.address = :address and k.last_seen_at >= :since)
				""")
			.param("username", username)
			.param("address", address)
			.param("since", Timestamp.from(now.minus(this.policy.addressLifetime())))
			.query(Boolean.class)
			.single();
	}

	private int count(String column, String value, Instant since) {
		return this.jdbc
			.sql("select count(*) from login_attempt where " + column + " = :value and attempted_at >= :since")
			.param("value", value)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	private Instant oldest(String column, String value, Instant since) {
		return this.jdbc
			.sql("select min(attempted_at) from login_attempt where " + column + " = :value and attempted_at >= :since")
			.param("value", value)
			.param("since", Timestamp.from(since))
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	/**
	 * An admitted password check.
	 *
	 * @param id the record of the check
	 * @param username the account name tried
	 * @param client the client it was tried from
	 */
	record Admission(long id, String username, String client) {
	}

}
