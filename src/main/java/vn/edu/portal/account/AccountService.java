package vn.edu.portal.account;

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

	private final AccountRepository accounts;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	private final TemporaryPasswords temporaryPasswords;

	AccountService(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, AuditLog audit,
			Clock clock, TemporaryPasswords temporaryPasswords) {
		this.temporaryPasswords = temporaryPasswords;
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** A random password that meets the policy, for first logins and resets. */
	String generatePassword() {
		return this.temporaryPasswords.generate();
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
	 * Creates an account with a generated temporary password, returned to be shown once.
	 */
	@Transactional
	Created createWithTemporaryPassword(String username, String fullName, String email, String phone, Long unitId,
			Set<Role> roles) {
		String temporary = this.temporaryPasswords.generate();
		Account account = new Account(username, fullName, unitId, roles, this.temporaryPasswords.hash(temporary), true,
				this.clock.instant());
		account.edit(fullName, email, phone, unitId, roles);
		this.accounts.save(account);
		this.audit.record("ACCOUNT_CREATED", "ACCOUNT", account.getId(), Map.of("after", account.snapshot()));
		return new Created(account, temporary);
	}

	/**
	 * An account just created and its temporary password.
	 *
	 * @param account the account
	 * @param temporaryPassword its password, to be shown once
	 */
	record Created(Account account, String temporaryPassword) {
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
