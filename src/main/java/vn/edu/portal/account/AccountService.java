package vn.edu.portal.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;

/**
 * Creates accounts and changes passwords, under the password policy, with an audit
 * record.
 */
@Service
class AccountService {

	private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final int GENERATED_LENGTH = 16;

	private final SecureRandom random = new SecureRandom();

	private final AccountRepository accounts;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	AccountService(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, AuditLog audit,
			Clock clock) {
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** A random password that meets the policy, for first logins and resets. */
	String generatePassword() {
		StringBuilder password = new StringBuilder(GENERATED_LENGTH);
		for (int i = 0; i < GENERATED_LENGTH; i++) {
			password.append(PASSWORD_ALPHABET.charAt(this.random.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

	@Transactional
	Account create(String username, String fullName, Long unitId, Set<Role> roles, String password,
			boolean mustChangePassword) {
		return create(username, fullName, null, null, unitId, roles, password, mustChangePassword);
	}

	@Transactional
	Account create(String username, String fullName, String email, String phone, Long unitId, Set<Role> roles,
			String password, boolean mustChangePassword) {
		List<String> violations = this.policy.violations(username, password);
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException(
					"The password of '" + username + "' breaks the password policy: " + String.join(", ", violations));
		}
		Account account = new Account(username, fullName, unitId, roles, this.encoder.encode(password),
				mustChangePassword, this.clock.instant());
		account.edit(fullName, email, phone, unitId, roles);
		this.accounts.save(account);
		this.audit.record("ACCOUNT_CREATED", "ACCOUNT", account.getId(), Map.of("after", account.snapshot()));
		return account;
	}

	/**
	 * Changes the signed-in user's password.
	 * @return the message keys of what was wrong, keyed by form field; empty on success
	 */
	@Transactional
	Map<String, List<String>> changePassword(long accountId, String currentPassword, String newPassword) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (!this.encoder.matches(currentPassword, account.getPasswordHash())) {
			return Map.of("currentPassword", List.of("password.current.wrong"));
		}
		List<String> violations = this.policy.violations(account.getUsername(), newPassword);
		if (violations.isEmpty() && this.encoder.matches(newPassword, account.getPasswordHash())) {
			violations = List.of("password.policy.unchanged");
		}
		if (!violations.isEmpty()) {
			return Map.of("newPassword", violations);
		}
		account.changePassword(this.encoder.encode(newPassword), this.clock.instant());
		this.audit.record("PASSWORD_CHANGED", "ACCOUNT", account.getId(), Map.of());
		return Map.of();
	}

}
