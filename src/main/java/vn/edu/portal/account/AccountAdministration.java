package vn.edu.portal.account;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;

/**
 * What a system administrator does to accounts, within its scope: create, edit (unit,
 * roles), disable, enable, unlock, reset the password. There is always at least one
 * active system administrator. Every change is in the audit trail with the account before
 * and after.
 */
@Service
class AccountAdministration {

	static final String AUDIT_TYPE = "ACCOUNT";

	private final AccountRepository accounts;

	private final AccountService service;

	private final ScopePolicy scope;

	private final TemporaryPasswords temporaryPasswords;

	private final AccountSessions sessions;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecondFactor secondFactor;

	AccountAdministration(AccountRepository accounts, AccountService service, ScopePolicy scope,
			TemporaryPasswords temporaryPasswords, AuditLog audit, JdbcClient jdbc, Clock clock,
			AccountSessions sessions, SecondFactor secondFactor) {
		this.secondFactor = secondFactor;
		this.sessions = sessions;
		this.accounts = accounts;
		this.service = service;
		this.scope = scope;
		this.temporaryPasswords = temporaryPasswords;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean hasSecondFactor(long id) {
		return this.secondFactor.enrolled(id);
	}

	/** An account the administrator may manage, else 404. */
	Account get(CurrentUser admin, long id) {
		Account account = this.accounts.findWithRolesById(id).orElseThrow(() -> new AccountNotFoundException(id));
		UnitScope scope = this.scope.scopeOf(admin);
		boolean visible = (account.getUnitId() == null) ? scope.isEverything()
				: this.scope.canSee(admin, account.getUnitId());
		if (!visible) {
			throw new AccountNotFoundException(id);
		}
		return account;
	}

	/**
	 * Creates the account with a temporary password, which is returned to be shown once.
	 */
	@Transactional
	AccountService.Created create(CurrentUser admin, AccountForm form) {
		String username = Account.normaliseUsername(form.username());
		if (this.accounts.existsByUsername(username)) {
			throw new AccountChangeRefused("username", "account.username.taken");
		}
		Long unitId = checkedUnit(admin, form.unitCode(), form.roles());
		return this.service.createWithTemporaryPassword(username, form.fullName().strip(),
				AccountForm.blankToNull(form.email()), AccountForm.blankToNull(form.phone()), unitId, form.roles());
	}

	@Transactional
	Account update(CurrentUser admin, long id, AccountForm form) {
		Account account = get(admin, id);
		if (form.version() == null || form.version() != account.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(Account.class, id);
		}
		Long unitId = checkedUnit(admin, form.unitCode(), form.roles());
		Map<String, Object> before = account.snapshot();
		if (account.getRoles().contains(Role.SYSTEM_ADMIN)
				&& (!form.roles().contains(Role.SYSTEM_ADMIN) || (account.getUnitId() == null && unitId != null))) {
			requireAnotherActiveAdmin(account);
		}
		boolean accessChanges = !account.getRoles().equals(form.roles())
				|| !java.util.Objects.equals(unitId, account.getUnitId());
		account.edit(form.fullName().strip(), AccountForm.blankToNull(form.email()),
				AccountForm.blankToNull(form.phone()), unitId, form.roles());
		this.accounts.flush();
		if (accessChanges) {
			this.sessions.endAll(account.getUsername());
		}
		this.audit.record("ACCOUNT_UPDATED", AUDIT_TYPE, id, Map.of("before", before, "after", account.snapshot()));
		return account;
	}

	@Transactional
	void disable(CurrentUser admin, long id) {
		Account account = get(admin, id);
		if (account.getRoles().contains(Role.SYSTEM_ADMIN)) {
			requireAnotherActiveAdmin(account);
		}
		account.disable();
		this.sessions.endAll(account.getUsername());
		this.audit.record("ACCOUNT_DISABLED", AUDIT_TYPE, id, Map.of("username", account.getUsername()));
	}

	@Transactional
	void enable(CurrentUser admin, long id) {
		Account account = get(admin, id);
		account.enable();
		this.audit.record("ACCOUNT_ENABLED", AUDIT_TYPE, id, Map.of("username", account.getUsername()));
	}

	@Transactional
	void endSessions(CurrentUser admin, long id) {
		Account account = get(admin, id);
		this.sessions.endAll(account.getUsername());
		this.audit.record("ACCOUNT_SESSIONS_ENDED", AUDIT_TYPE, id, Map.of("username", account.getUsername()));
	}

	/**
	 * Removes an account's second factor (a lost phone and lost recovery codes) and ends
	 * its sessions; a role that requires one enrols again at the next sign-in.
	 */
	@Transactional
	void resetSecondFactor(CurrentUser admin, long id) {
		Account account = get(admin, id);
		this.secondFactor.reset(id);
		this.sessions.endAll(account.getUsername());
		this.audit.record("SECOND_FACTOR_RESET", AUDIT_TYPE, id, Map.of("username", account.getUsername()));
	}

	@Transactional
	void unlock(CurrentUser admin, long id) {
		Account account = get(admin, id);
		account.unlock();
		this.audit.record("ACCOUNT_UNLOCKED", AUDIT_TYPE, id, Map.of("username", account.getUsername()));
	}

	/**
	 * Sets a temporary password, returned to be shown once; it must be changed at the
	 * next login.
	 */
	@Transactional
	String resetPassword(CurrentUser admin, long id) {
		Account account = get(admin, id);
		String temporary = this.temporaryPasswords.generate();
		account.resetPassword(this.temporaryPasswords.hash(temporary), this.clock.instant());
		this.sessions.endAll(account.getUsername());
		this.audit.record("PASSWORD_RESET", AUDIT_TYPE, id, Map.of("username", account.getUsername()));
		return temporary;
	}

	/**
	 * The unit of the form, checked: it exists, is open, is in scope and admits the
	 * roles.
	 */
	Long checkedUnit(CurrentUser admin, String unitCode, Set<Role> roles) {
		String code = AccountForm.blankToNull(unitCode);
		if (code == null) {
			if (!roles.equals(Set.of(Role.SYSTEM_ADMIN))) {
				throw new AccountChangeRefused("unitCode", "account.unit.required");
			}
			if (!this.scope.scopeOf(admin).isEverything()) {
				throw new AccountChangeRefused("unitCode", "account.unit.required");
			}
			return null;
		}
		UnitRow unit = this.jdbc.sql("select id, type, valid_to is not null as closed from unit where code = ?")
			.param(code)
			.query((rs, i) -> new UnitRow(rs.getLong("id"), rs.getString("type"), rs.getBoolean("closed")))
			.optional()
			.filter((row) -> this.scope.canSee(admin, row.id()))
			.orElseThrow(() -> new AccountChangeRefused("unitCode", "account.unit.notFound"));
		if (unit.closed()) {
			throw new AccountChangeRefused("unitCode", "account.unit.closed");
		}
		if (!ScopePolicy.rolesAllowedFor(unit.type()).containsAll(roles)) {
			throw new AccountChangeRefused("roles", "account.roles.notForUnit");
		}
		return unit.id();
	}

	private void requireAnotherActiveAdmin(Account account) {
		// Two administrators demoting each other at once take turns here.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('portal.system-admins'))").query().listOfRows();
		long others = this.jdbc.sql("""
				select count(*) from account a join account_role r on r.account_id = a.id
				where r.role = 'SYSTEM_ADMIN' and a.enabled and a.id <> :id
				  and (a.unit_id is null or :scoped)
				""")
			.param("id", account.getId())
			.param("scoped", account.getUnitId() != null)
			.query(Long.class)
			.single();
		if (others == 0) {
			throw new AccountChangeRefused("roles", "account.lastAdmin");
		}
	}

	private record UnitRow(long id, String type, boolean closed) {
	}

}
