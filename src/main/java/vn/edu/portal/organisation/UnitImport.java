package vn.edu.portal.organisation;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.ImportProblem;
import vn.edu.portal.system.TabularFile;

/**
 * Imports units from a table: the whole file is checked first, every bad row reported
 * with its line, column and reason; nothing is written unless the whole file is valid.
 * Codes are keys, so importing the same file twice changes nothing. Writes are batched,
 * never one statement per row through the entity manager.
 */
@Service
class UnitImport {

	static final List<String> COLUMNS = List.of("code", "name", "short_name", "type", "parent_code", "ownership",
			"email", "phone", "valid_from");

	private static final Pattern CODE = Pattern.compile(UnitForm.CODE);

	private static final Pattern PHONE = Pattern.compile(UnitForm.PHONE);

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Formats formats;

	UnitImport(JdbcTemplate jdbc, AuditLog audit, Formats formats) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.formats = formats;
	}

	@Transactional
	Result run(TabularFile.Table table) {
		// One import at a time, so that two files cannot interleave their checks and
		// writes.
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext('portal.unit-import'))");
		Map<String, Existing> existing = loadExisting();
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Parsed> rows = new LinkedHashMap<>();
		for (TabularFile.Row row : table.rows()) {
			Parsed parsed = parse(row, existing, rows, problems);
			if (parsed != null) {
				rows.put(parsed.code(), parsed);
			}
		}
		checkParents(rows, existing, problems);
		if (!problems.isEmpty()) {
			return new Result(problems, 0, 0, 0);
		}
		return write(rows, existing);
	}

	private Parsed parse(TabularFile.Row row, Map<String, Existing> existing, Map<String, Parsed> seen,
			List<ImportProblem> problems) {
		int before = problems.size();
		int line = row.line();
		Map<String, String> v = row.values();
		String code = v.get("code");
		if (code.isEmpty()) {
			problems.add(new ImportProblem(line, "code", "import.required"));
		}
		else if (!CODE.matcher(code).matches() || code.length() > 40) {
			problems.add(new ImportProblem(line, "code", "unit.import.badCode"));
		}
		else if (seen.containsKey(code)) {
			problems.add(new ImportProblem(line, "code", "import.duplicate", seen.get(code).line()));
		}
		required(v, "name", 255, line, problems);
		tooLong(v, "short_name", 120, line, problems);
		UnitType type = enumValue(UnitType.class, v.get("type"));
		if (v.get("type").isEmpty()) {
			problems.add(new ImportProblem(line, "type", "import.required"));
		}
		else if (type == null) {
			problems.add(new ImportProblem(line, "type", "unit.import.unknownType", v.get("type")));
		}
		Ownership ownership = enumValue(Ownership.class, v.get("ownership"));
		if (!v.get("ownership").isEmpty() && ownership == null) {
			problems.add(new ImportProblem(line, "ownership", "unit.import.unknownOwnership", v.get("ownership")));
		}
		if (!v.get("email").isEmpty() && (!EMAIL.matcher(v.get("email")).matches() || v.get("email").length() > 254)) {
			problems.add(new ImportProblem(line, "email", "import.badEmail"));
		}
		if (!PHONE.matcher(v.get("phone")).matches() || v.get("phone").length() > 30) {
			problems.add(new ImportProblem(line, "phone", "import.badPhone"));
		}
		LocalDate validFrom = null;
		if (!v.get("valid_from").isEmpty()) {
			validFrom = date(v.get("valid_from"));
			if (validFrom == null) {
				problems.add(new ImportProblem(line, "valid_from", "import.badDate", v.get("valid_from")));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		Existing current = existing.get(code);
		if (validFrom == null) {
			validFrom = (current != null) ? current.validFrom() : this.formats.today();
		}
		return new Parsed(line, code, v.get("name"), emptyToNull(v.get("short_name")), type, ownership,
				emptyToNull(v.get("parent_code")), emptyToNull(v.get("email")), emptyToNull(v.get("phone")), validFrom);
	}

	/**
	 * Parents exist (in the tree or the file), are open when a unit moves under them, and
	 * form no cycle.
	 */
	private void checkParents(Map<String, Parsed> rows, Map<String, Existing> existing, List<ImportProblem> problems) {
		Map<String, String> parentOf = new HashMap<>();
		existing.values().forEach((unit) -> parentOf.put(unit.code(), unit.parentCode()));
		rows.values().forEach((row) -> parentOf.put(row.code(), row.parentCode()));
		for (Parsed row : rows.values()) {
			String parent = row.parentCode();
			if (parent == null) {
				continue;
			}
			Existing current = existing.get(row.code());
			boolean moving = current == null || !Objects.equals(current.parentCode(), parent);
			if (parent.equals(row.code())) {
				problems.add(new ImportProblem(row.line(), "parent_code", "unit.import.ownParent"));
			}
			else if (!existing.containsKey(parent) && !rows.containsKey(parent)) {
				problems.add(new ImportProblem(row.line(), "parent_code", "unit.import.parentNotFound", parent));
			}
			else if (moving && existing.containsKey(parent) && existing.get(parent).closed()) {
				problems.add(new ImportProblem(row.line(), "parent_code", "unit.import.parentClosed", parent));
			}
			else if (leadsBackTo(row.code(), parentOf)) {
				problems.add(new ImportProblem(row.line(), "parent_code", "unit.import.cycle", parent));
			}
		}
	}

	private static boolean leadsBackTo(String code, Map<String, String> parentOf) {
		Set<String> visited = new HashSet<>();
		String current = parentOf.get(code);
		while (current != null && visited.add(current)) {
			if (current.equals(code)) {
				return true;
			}
			current = parentOf.get(current);
		}
		return current != null && current.equals(code);
	}

	private Result write(Map<String, Parsed> rows, Map<String, Existing> existing) {
		List<Parsed> created = new ArrayList<>();
		List<Parsed> updated = new ArrayList<>();
		List<Parsed> moved = new ArrayList<>();
		for (Parsed row : rows.values()) {
			Existing current = existing.get(row.code());
			if (current == null) {
				created.add(row);
				if (row.parentCode() != null) {
					moved.add(row);
				}
				continue;
			}
			if (!row.sameDetailsAs(current)) {
				updated.add(row);
			}
			if (!Objects.equals(row.parentCode(), current.parentCode())) {
				moved.add(row);
			}
		}
		this.jdbc.batchUpdate("""
				insert into unit (code, name, short_name, type, ownership, email, phone, valid_from)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""", created, BATCH, (ps, row) -> {
			ps.setString(1, row.code());
			setDetails(ps, row, 2);
		});
		this.jdbc.batchUpdate("""
				update unit set name = ?, short_name = ?, type = ?, ownership = ?, email = ?, phone = ?, valid_from = ?,
				    version = version + 1
				where code = ?
				""", updated, BATCH, (ps, row) -> {
			setDetails(ps, row, 1);
			ps.setString(8, row.code());
		});
		this.jdbc.batchUpdate("""
				update unit set parent_id = (select p.id from unit p where p.code = ?), version = version + 1
				where code = ?
				""", moved, BATCH, (ps, row) -> {
			ps.setString(1, row.parentCode());
			ps.setString(2, row.code());
		});
		auditChanges(created, updated, moved, existing);
		Set<String> changed = new HashSet<>();
		updated.forEach((row) -> changed.add(row.code()));
		moved.stream().filter((row) -> existing.containsKey(row.code())).forEach((row) -> changed.add(row.code()));
		return new Result(List.of(), created.size(), changed.size(), rows.size() - created.size() - changed.size());
	}

	private void auditChanges(List<Parsed> created, List<Parsed> updated, List<Parsed> moved,
			Map<String, Existing> existing) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.query("select id, code from unit", (rs) -> {
			ids.put(rs.getString("code"), rs.getLong("id"));
		});
		Map<Long, Map<String, Object>> createdDetails = new LinkedHashMap<>();
		created.forEach((row) -> createdDetails.put(ids.get(row.code()), Map.of("after", row.snapshot())));
		Map<Long, Map<String, Object>> updatedDetails = new LinkedHashMap<>();
		for (Parsed row : updated) {
			updatedDetails.put(ids.get(row.code()),
					Map.of("before", existing.get(row.code()).snapshot(), "after", row.snapshot()));
		}
		for (Parsed row : moved) {
			if (existing.containsKey(row.code())) {
				updatedDetails.putIfAbsent(ids.get(row.code()),
						Map.of("before", existing.get(row.code()).snapshot(), "after", row.snapshot()));
			}
		}
		if (!createdDetails.isEmpty()) {
			this.audit.recordAll("UNIT_CREATED", UnitService.AUDIT_TYPE, createdDetails);
		}
		if (!updatedDetails.isEmpty()) {
			this.audit.recordAll("UNIT_UPDATED", UnitService.AUDIT_TYPE, updatedDetails);
		}
	}

	private static void setDetails(java.sql.PreparedStatement ps, Parsed row, int first) throws java.sql.SQLException {
		ps.setString(first, row.name());
		ps.setString(first + 1, row.shortName());
		ps.setString(first + 2, row.type().name());
		ps.setString(first + 3, (row.ownership() != null) ? row.ownership().name() : null);
		ps.setString(first + 4, row.email());
		ps.setString(first + 5, row.phone());
		ps.setDate(first + 6, Date.valueOf(row.validFrom()));
	}

	private Map<String, Existing> loadExisting() {
		Map<String, Existing> units = new HashMap<>();
		this.jdbc.query("""
				select u.code, u.name, u.short_name, u.type, u.ownership, u.email, u.phone, u.valid_from,
				       u.valid_to is not null as closed, p.code as parent_code
				from unit u left join unit p on p.id = u.parent_id
				""", (rs) -> {
			units.put(rs.getString("code"),
					new Existing(rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
							UnitType.valueOf(rs.getString("type")),
							(rs.getString("ownership") != null) ? Ownership.valueOf(rs.getString("ownership")) : null,
							rs.getString("parent_code"), rs.getString("email"), rs.getString("phone"),
							rs.getObject("valid_from", LocalDate.class), rs.getBoolean("closed")));
		});
		return units;
	}

	private static void required(Map<String, String> values, String column, int max, int line,
			List<ImportProblem> problems) {
		if (values.get(column).isEmpty()) {
			problems.add(new ImportProblem(line, column, "import.required"));
		}
		else {
			tooLong(values, column, max, line, problems);
		}
	}

	private static void tooLong(Map<String, String> values, String column, int max, int line,
			List<ImportProblem> problems) {
		if (values.get(column).length() > max) {
			problems.add(new ImportProblem(line, column, "import.tooLong", max));
		}
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
		try {
			return value.isEmpty() ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** ISO (as exported) or dd/MM/yyyy (as typed by people). */
	static LocalDate date(String value) {
		try {
			return value.contains("/") ? Formats.parseDayMonthYear(value) : LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * What an import did.
	 *
	 * @param problems what was wrong (nothing was written when there is any)
	 * @param created units added
	 * @param updated units changed or moved
	 * @param unchanged units already as in the file
	 */
	record Result(List<ImportProblem> problems, int created, int updated, int unchanged) {

		Summary summary() {
			return new Summary(this.created, this.updated, this.unchanged);
		}

	}

	/**
	 * The counts of a successful import, kept in the session for the page after it.
	 *
	 * @param created units added
	 * @param updated units changed or moved
	 * @param unchanged units already as in the file
	 */
	record Summary(int created, int updated, int unchanged) implements java.io.Serializable {
	}

	private record Parsed(int line, String code, String name, String shortName, UnitType type, Ownership ownership,
			String parentCode, String email, String phone, LocalDate validFrom) {

		boolean sameDetailsAs(Existing unit) {
			return this.name.equals(unit.name()) && Objects.equals(this.shortName, unit.shortName())
					&& this.type == unit.type() && this.ownership == unit.ownership()
					&& Objects.equals(this.email, unit.email()) && Objects.equals(this.phone, unit.phone())
					&& this.validFrom.equals(unit.validFrom());
		}

		Map<String, Object> snapshot() {
			Map<String, Object> snapshot = new LinkedHashMap<>();
			snapshot.put("code", this.code);
			snapshot.put("name", this.name);
			snapshot.put("shortName", this.shortName);
			snapshot.put("type", this.type);
			snapshot.put("ownership", this.ownership);
			snapshot.put("parentCode", this.parentCode);
			snapshot.put("email", this.email);
			snapshot.put("phone", this.phone);
			snapshot.put("validFrom", this.validFrom.toString());
			return snapshot;
		}

	}

	private record Existing(String code, String name, String shortName, UnitType type, Ownership ownership,
			String parentCode, String email, String phone, LocalDate validFrom, boolean closed) {

		Map<String, Object> snapshot() {
			Map<String, Object> snapshot = new LinkedHashMap<>();
			snapshot.put("code", this.code);
			snapshot.put("name", this.name);
			snapshot.put("shortName", this.shortName);
			snapshot.put("type", this.type);
			snapshot.put("ownership", this.ownership);
			snapshot.put("parentCode", this.parentCode);
			snapshot.put("email", this.email);
			snapshot.put("phone", this.phone);
			snapshot.put("validFrom", this.validFrom.toString());
			return snapshot;
		}

	}

}
