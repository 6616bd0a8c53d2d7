package vn.edu.portal.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.ImportChecks;
import vn.edu.portal.system.ImportProblem;
import vn.edu.portal.system.TabularFile;

/**
 * Imports accounts from a table, within the administrator's scope: the whole file is
 * checked first and nothing is written unless every row is right. Usernames are keys: a
 * known one is updated (name, contact, unit, roles; never its password), a new one gets a
 * temporary password, returned to be shown once. Writes are batched.
 */
@Service
class AccountImport {

	static final List<String> COLUMNS = List.of("username", "full_name", "email", "phone", "unit_code", "roles");

	private static final Pattern USERNAME = Pattern.compile(AccountForm.USERNAME);

	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final ScopePolicy scope;

	private final TemporaryPasswords passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final AccountSessions sessions;

	AccountImport(JdbcTemplate jdbc, ScopePolicy scope, TemporaryPasswords passwords, AuditLog audit, Clock clock,
			AccountSessions sessions) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.scope = scope;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Result run(CurrentUser admin, TabularFile.Table table) {
		// Imports, and changes to administrators anywhere, take turns: the
		// last-administrator rule holds.
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext('portal.system-admins'))");
		UnitScope scope = this.scope.scopeOf(admin);
		Map<String, UnitRow> units = loadUnits(scope);
		Map<String, Existing> existing = loadAccounts();
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Row> rows = new LinkedHashMap<>();
		Set<Long> unitIds = new HashSet<>();
		units.values().forEach((unit) -> unitIds.add(unit.id()));
		for (TabularFile.Row row : table.rows()) {
			Row parsed = parse(row, units, unitIds, existing, rows, scope, problems);
			if (parsed != null) {
				rows.put(parsed.values().username(), parsed);
			}
		}
		if (problems.isEmpty()) {
			checkAdministratorsRemain(rows, existing, problems);
		}
		if (!problems.isEmpty()) {
			return new Result(problems, List.of(), 0, 0);
		}
		return write(rows, existing, units);
	}

	private Row parse(TabularFile.Row row, Map<String, UnitRow> units, Set<Long> unitIds,
			Map<String, Existing> existing, Map<String, Row> seen, UnitScope scope, List<ImportProblem> problems) {
		int before = problems.size();
		ImportChecks check = new ImportChecks(row, problems);
		String username = check.value("username").toLowerCase(Locale.ROOT);
		if (username.isEmpty()) {
			check.problem("username", "import.required");
		}
		else if (!USERNAME.matcher(username).matches() || username.length() < 3 || username.length() > 64) {
			check.problem("username", "account.import.badUsername");
		}
		else if (seen.containsKey(username)) {
			check.problem("username", "import.duplicate", seen.get(username).line());
		}
		else if (existing.containsKey(username) && !existing.get(username).visibleIn(unitIds, scope)) {
			check.problem("username", "account.import.outsideScope");
		}
		check.required("full_name", 200);
		check.email("email");
		check.phone("phone");
		Set<Role> roles = roles(check);
		UnitRow unit = null;
		String unitCode = check.optional("unit_code");
		if (unitCode == null) {
			if (!roles.isEmpty() && (!roles.equals(Set.of(Role.SYSTEM_ADMIN)) || !scope.isEverything())) {
				check.problem("unit_code", "import.required");
			}
		}
		else if (!units.containsKey(unitCode)) {
			check.problem("unit_code", "account.import.unitNotFound", unitCode);
		}
		else if (units.get(unitCode).closed()) {
			check.problem("unit_code", "account.import.unitClosed", unitCode);
		}
		else {
			unit = units.get(unitCode);
			if (!ScopePolicy.rolesAllowedFor(unit.type()).containsAll(roles)) {
				check.problem("roles", "account.roles.notForUnit");
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new Row(row.line(), new Values(username, check.value("full_name"), check.optional("email"),
				check.optional("phone"), (unit != null) ? unit.id() : null, roles));
	}

	private static Set<Role> roles(ImportChecks check) {
		String value = check.value("roles");
		if (value.isEmpty()) {
			check.problem("roles", "import.required");
			return Set.of();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : value.split("[;,]")) {
			String role = name.strip().toUpperCase(Locale.ROOT);
			if (role.isEmpty()) {
				continue;
			}
			if (Arrays.stream(Role.values()).noneMatch((known) -> known.name().equals(role))) {
				check.problem("roles", "account.import.unknownRole", name.strip());
				return Set.of();
			}
			roles.add(Role.valueOf(role));
		}
		if (roles.isEmpty()) {
			check.problem("roles", "import.required");
		}
		return roles;
	}

	/**
	 * A file may not take the role away from, or give a unit to, the last active system
	 * administrator without a unit (the one who manages every province).
	 */
	private void checkAdministratorsRemain(Map<String, Row> rows, Map<String, Existing> existing,
			List<ImportProblem> problems) {
		long remaining = existing.values()
			.stream()
			.filter((account) -> account.enabled() && account.values().roles().contains(Role.SYSTEM_ADMIN)
					&& account.values().unitId() == null)
			.filter((account) -> !rows.containsKey(account.values().username())
					|| (rows.get(account.values().username()).values().roles().contains(Role.SYSTEM_ADMIN)
							&& rows.get(account.values().username()).values().unitId() == null))
			.count();
		if (remaining == 0) {
			rows.values()
				.stream()
				.filter((row) -> existing.containsKey(row.values().username()))
				.filter((row) -> existing.get(row.values().username()).values().roles().contains(Role.SYSTEM_ADMIN))
				.forEach((row) -> problems.add(new ImportProblem(row.line(), "roles", "account.lastAdmin")));
		}
	}

	private Result write(Map<String, Row> rows, Map<String, Existing> existing, Map<String, UnitRow> units) {
		List<Values> created = new ArrayList<>();
		List<Values> changed = new ArrayList<>();
		for (Row row : rows.values()) {
			Existing current = existing.get(row.values().username());
			if (current == null) {
				created.add(row.values());
			}
			else if (!row.values().equals(current.values())) {
				changed.add(row.values());
			}
		}
		List<NewAccount> newAccounts = created.parallelStream().map((values) -> {
			String temporary = this.passwords.generate();
			return new NewAccount(values, temporary, this.passwords.hash(temporary));
		}).toList();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.batchUpdate("""
				insert into account (username, full_name, email, phone, unit_id, password_hash, must_change_password,
				                     password_changed_at)
				values (?, ?, ?, ?, ?, ?, true, ?)
				""", newAccounts, BATCH, (ps, account) -> {
			Values values = account.values();
			ps.setString(1, values.username());
			ps.setString(2, values.fullName());
			ps.setString(3, values.email());
			ps.setString(4, values.phone());
			ps.setObject(5, values.unitId());
			ps.setString(6, account.hash());
			ps.setTimestamp(7, now);
		});
		this.jdbc.batchUpdate("""
				update account set full_name = ?, email = ?, phone = ?, unit_id = ?, version = version + 1
				where username = ?
				""", changed, BATCH, (ps, values) -> {
			ps.setString(1, values.fullName());
			ps.setString(2, values.email());
			ps.setString(3, values.phone());
			ps.setObject(4, values.unitId());
			ps.setString(5, values.username());
		});
		this.jdbc.batchUpdate("delete from account_role where account_id = (select id from account where username = ?)",
				changed, BATCH, (ps, values) -> ps.setString(1, values.username()));
		List<Object[]> roles = new ArrayList<>();
		for (Values values : concat(created, changed)) {
			values.roles().forEach((role) -> roles.add(new Object[] { values.username(), role.name() }));
		}
		this.jdbc.batchUpdate("""
				insert into account_role (account_id, role) select id, ? from account where username = ?
				""", roles.stream().map((pair) -> new Object[] { pair[1], pair[0] }).toList());
		audit(created, changed, existing);
		changed.stream()
			.filter((values) -> accessChanged(values, existing.get(values.username()).values()))
			.forEach((values) -> this.sessions.endAll(values.username()));
		List<Credential> credentials = newAccounts.stream()
			.map((account) -> new Credential(account.values().username(), account.values().fullName(),
					account.temporary()))
			.toList();
		return new Result(List.of(), credentials, changed.size(), rows.size() - created.size() - changed.size());
	}

	private void audit(List<Values> created, List<Values> changed, Map<String, Existing> existing) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.query("select id, username from account", (rs) -> {
			ids.put(rs.getString("username"), rs.getLong("id"));
		});
		Map<Long, Map<String, Object>> createdDetails = new LinkedHashMap<>();
		created.forEach((values) -> createdDetails.put(ids.get(values.username()), Map.of("after", values.snapshot())));
		Map<Long, Map<String, Object>> changedDetails = new LinkedHashMap<>();
		changed.forEach((values) -> changedDetails.put(ids.get(values.username()),
				Map.of("before", existing.get(values.username()).values().snapshot(), "after", values.snapshot())));
		if (!createdDetails.isEmpty()) {
			this.audit.recordAll("ACCOUNT_CREATED", AccountAdministration.AUDIT_TYPE, createdDetails);
		}
		if (!changedDetails.isEmpty()) {
			this.audit.recordAll("ACCOUNT_UPDATED", AccountAdministration.AUDIT_TYPE, changedDetails);
		}
	}

	private static boolean accessChanged(Values after, Values before) {
		return !after.roles().equals(before.roles()) || !java.util.Objects.equals(after.unitId(), before.unitId());
	}

	private static List<Values> concat(List<Values> first, List<Values> second) {
		List<Values> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private Map<String, UnitRow> loadUnits(UnitScope scope) {
		Map<String, UnitRow> units = new HashMap<>();
		this.jdbc.query("select id, code, type, valid_to is not null as closed from unit where path like ? || '%'",
				(rs) -> {
					units.put(rs.getString("code"),
							new UnitRow(rs.getLong("id"), rs.getString("type"), rs.getBoolean("closed")));
				}, scope.path());
		return units;
	}

	private Map<String, Existing> loadAccounts() {
		Map<String, Existing> accounts = new HashMap<>();
		this.jdbc.query("""
				select a.username, a.full_name, a.email, a.phone, a.unit_id, a.enabled,
				       (select string_agg(r.role, ';') from account_role r where r.account_id = a.id) as roles
				from account a
				""", (rs) -> {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			if (rs.getString("roles") != null) {
				Arrays.stream(rs.getString("roles").split(";")).map(Role::valueOf).forEach(roles::add);
			}
			Values values = new Values(rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
					rs.getString("phone"), (Long) rs.getObject("unit_id"), roles);
			accounts.put(values.username(), new Existing(values, rs.getBoolean("enabled")));
		});
		return accounts;
	}

	/**
	 * What an import did.
	 *
	 * @param problems what was wrong (nothing was written when there is any)
	 * @param created the new accounts with their temporary passwords
	 * @param updated accounts changed
	 * @param unchanged accounts already as in the file
	 */
	record Result(List<ImportProblem> problems, List<Credential> created, int updated, int unchanged) {
	}

	/**
	 * A new account's temporary password, shown once to the administrator.
	 *
	 * @param username the login name
	 * @param fullName the person's name
	 * @param temporaryPassword the password to hand over
	 */
	record Credential(String username, String fullName, String temporaryPassword) implements java.io.Serializable {
	}

	private record Values(String username, String fullName, String email, String phone, Long unitId, Set<Role> roles) {

		Map<String, Object> snapshot() {
			return Account.snapshotOf(this.username, this.fullName, this.email, this.phone, this.unitId, this.roles);
		}

	}

	private record Row(int line, Values values) {
	}

	private record Existing(Values values, boolean enabled) {

		boolean visibleIn(Set<Long> unitIdsInScope, UnitScope scope) {
			return (this.values.unitId() == null) ? scope.isEverything()
					: unitIdsInScope.contains(this.values.unitId());
		}

	}

	private record NewAccount(Values values, String temporary, String hash) {
	}

	private record UnitRow(long id, String type, boolean closed) {
	}

}
