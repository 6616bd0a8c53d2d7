package vn.edu.portal.organisation;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.ImportChecks;
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

	/**
	 * The identifier code column: written by the export, optional on import (a file
	 * without it leaves the units' codes as they are).
	 */
	static final String AGENCY_CODE = "agency_code";

	/** The columns of the export: the import's and the identifier code. */
	static final List<String> EXPORT_COLUMNS = java.util.stream.Stream
		.concat(COLUMNS.stream(), java.util.stream.Stream.of(AGENCY_CODE))
		.toList();

	private static final Pattern AGENCY = Pattern.compile(UnitDetails.AGENCY_CODE);

	private static final Pattern CODE = Pattern.compile(UnitForm.CODE);

	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Formats formats;

	private final CurrentScope scope;

	private final List<UnitTypeRules> typeRules;

	UnitImport(JdbcTemplate jdbc, AuditLog audit, Formats formats, CurrentScope scope, List<UnitTypeRules> typeRules) {
		this.typeRules = typeRules;
		this.scope = scope;
		this.jdbc = jdbc;
		this.audit = audit;
		this.formats = formats;
	}

	@Transactional
	Result run(TabularFile.Table table) {
		// Changes to the tree take turns, so that a file's checks still hold when it is
		// written.
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext('portal.unit-tree'))");
		Map<String, Existing> existing = loadExisting(this.scope.path());
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Row> rows = new LinkedHashMap<>();
		boolean withAgencyCodes = table.header().contains(AGENCY_CODE);
		for (TabularFile.Row row : table.rows()) {
			Row parsed = parse(row, existing, rows, problems, withAgencyCodes);
			if (parsed != null) {
				rows.put(parsed.values().code(), parsed);
			}
		}
		checkParents(rows, existing, problems);
		checkTypeChanges(rows, existing, problems);
		checkAgencyCodes(rows, existing, problems);
		if (!problems.isEmpty()) {
			return new Result(problems, 0, 0, 0);
		}
		return write(rows, existing);
	}

	private Row parse(TabularFile.Row row, Map<String, Existing> existing, Map<String, Row> seen,
			List<ImportProblem> problems, boolean withAgencyCodes) {
		int before = problems.size();
		ImportChecks check = new ImportChecks(row, problems);
		String code = check.value("code");
		if (code.isEmpty()) {
			check.problem("code", "import.required");
		}
		else if (!CODE.matcher(code).matches() || code.length() > 40) {
			check.problem("code", "unit.import.badCode");
		}
		else if (seen.containsKey(code)) {
			check.problem("code", "import.duplicate", seen.get(code).line());
		}
		else if (existing.containsKey(code) && !existing.get(code).inScope()) {
			check.problem("code", "unit.import.outsideScope");
		}
		check.required("name", 255);
		check.maxLength("short_name", 120);
		if (check.value("type").isEmpty()) {
			check.problem("type", "import.required");
		}
		UnitType type = check.enumValue(UnitType.class, "type", "unit.import.unknownType");
		Ownership ownership = check.enumValue(Ownership.class, "ownership", "unit.import.unknownOwnership");
		check.email("email");
		check.phone("phone");
		LocalDate validFrom = check.date("valid_from");
		String agencyCode = UnitForm.agencyCode(check.value(AGENCY_CODE));
		if (agencyCode != null && !AGENCY.matcher(agencyCode).matches()) {
			check.problem(AGENCY_CODE, "unit.import.badAgencyCode");
		}
		if (problems.size() > before) {
			return null;
		}
		if (validFrom == null) {
			validFrom = existing.containsKey(code) ? existing.get(code).values().validFrom() : this.formats.today();
		}
		if (!withAgencyCodes && existing.containsKey(code)) {
			agencyCode = existing.get(code).values().agencyCode();
		}
		return new Row(row.line(),
				new Values(code, check.value("name"), check.optional("short_name"), type, ownership,
						check.optional("parent_code"), check.optional("email"), check.optional("phone"), validFrom,
						agencyCode));
	}

	/**
	 * Parents exist (in the tree or the file), are open when a unit moves under them, and
	 * form no cycle.
	 */
	private void checkParents(Map<String, Row> rows, Map<String, Existing> existing, List<ImportProblem> problems) {
		Map<String, String> parentOf = new HashMap<>();
		existing.values().forEach((unit) -> parentOf.put(unit.values().code(), unit.values().parentCode()));
		rows.values().forEach((row) -> parentOf.put(row.values().code(), row.values().parentCode()));
		for (Row row : rows.values()) {
			String code = row.values().code();
			String parent = row.values().parentCode();
			if (parent == null) {
				if (!this.scope.isEverything()) {
					problems.add(new ImportProblem(row.line(), "parent_code", "unit.import.parentRequired"));
				}
				continue;
			}
			Existing current = existing.get(code);
			boolean moving = current == null || !Objects.equals(current.values().parentCode(), parent);
			if (parent.equals(code)) {
				problems.add(new ImportProblem(row.line(), "parent_code", "unit.import.ownParent"));
			}
			else if ((!existing.containsKey(parent) || !existing.get(parent).inScope()) && !rows.containsKey(parent)) {
				problems.add(new ImportProblem(row.line(), "parent_code", "unit.import.parentNotFound", parent));
			}
			else if (moving && existing.containsKey(parent) && existing.get(parent).closed()) {
				problems.add(new ImportProblem(row.line(), "parent_code", "unit.import.parentClosed", parent));
			}
			else if (leadsBackTo(code, parentOf)) {
				problems.add(new ImportProblem(row.line(), "parent_code", "unit.import.cycle", parent));
			}
		}
	}

	/** A unit whose type changes must still admit the roles of its accounts. */
	private void checkTypeChanges(Map<String, Row> rows, Map<String, Existing> existing, List<ImportProblem> problems) {
		for (Row row : rows.values()) {
			Existing current = existing.get(row.values().code());
			if (current != null && current.values().type() != row.values().type()) {
				this.typeRules.stream()
					.map((rule) -> rule.refusal(current.id(), row.values().type()))
					.flatMap(java.util.Optional::stream)
					.findFirst()
					.ifPresent((key) -> problems.add(new ImportProblem(row.line(), "type", key)));
			}
		}
	}

	/**
	 * An identifier code names one open unit at most, counting the file as written over
	 * the tree.
	 */
	private void checkAgencyCodes(Map<String, Row> rows, Map<String, Existing> existing, List<ImportProblem> problems) {
		Map<String, String> holder = new HashMap<>();
		existing.values()
			.stream()
			.filter((unit) -> !unit.closed() && !rows.containsKey(unit.values().code()))
			.filter((unit) -> unit.values().agencyCode() != null)
			.forEach((unit) -> holder.put(unit.values().agencyCode(), unit.values().code()));
		for (Row row : rows.values()) {
			String agencyCode = row.values().agencyCode();
			Existing current = existing.get(row.values().code());
			if (agencyCode == null || (current != null && current.closed())) {
				continue;
			}
			String other = holder.putIfAbsent(agencyCode, row.values().code());
			if (other != null) {
				problems.add(new ImportProblem(row.line(), AGENCY_CODE, "unit.import.agencyCodeTaken"));
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
		return false;
	}

	private Result write(Map<String, Row> rows, Map<String, Existing> existing) {
		List<Values> created = new ArrayList<>();
		List<Values> updated = new ArrayList<>();
		List<Values> moved = new ArrayList<>();
		for (Row row : rows.values()) {
			Values values = row.values();
			Existing current = existing.get(values.code());
			if (current == null) {
				created.add(values);
			}
			else if (!values.sameDetailsAs(current.values())) {
				updated.add(values);
			}
			if (!Objects.equals(values.parentCode(), (current != null) ? current.values().parentCode() : null)) {
				moved.add(values);
			}
		}
		this.jdbc.batchUpdate("""
				insert into unit (name, short_name, type, ownership, email, phone, valid_from, agency_code, code)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", created, BATCH, UnitImport::setDetails);
		this.jdbc.batchUpdate("""
				update unit set name = ?, short_name = ?, type = ?, ownership = ?, email = ?, phone = ?, valid_from = ?,
				    agency_code = ?, version = version + 1
				where code = ?
				""", updated, BATCH, UnitImport::setDetails);
		// Moves may swap a unit and its parent: detach every moved unit first, then
		// attach each
		// under its new parent from the top of the final tree down, so no step makes a
		// cycle.
		this.jdbc.batchUpdate("update unit set parent_id = null where code = ? and parent_id is not null", moved, BATCH,
				(ps, values) -> ps.setString(1, values.code()));
		List<Values> topDown = new ArrayList<>(moved);
		topDown.sort(java.util.Comparator.comparingInt((Values values) -> finalDepth(values.code(), rows, existing)));
		this.jdbc.batchUpdate("""
				update unit set parent_id = (select p.id from unit p where p.code = ?), version = version + 1
				where code = ?
				""", topDown, BATCH, (ps, values) -> {
			ps.setString(1, values.parentCode());
			ps.setString(2, values.code());
		});
		Set<String> changed = new HashSet<>();
		updated.forEach((values) -> changed.add(values.code()));
		moved.stream().filter((values) -> existing.containsKey(values.code())).forEach((v) -> changed.add(v.code()));
		audit(created, rows, changed, existing);
		return new Result(List.of(), created.size(), changed.size(), rows.size() - created.size() - changed.size());
	}

	/** How deep a unit sits once the file is applied. */
	private static int finalDepth(String code, Map<String, Row> rows, Map<String, Existing> existing) {
		int depth = 0;
		String current = code;
		while (current != null && depth <= rows.size() + existing.size()) {
			current = rows.containsKey(current) ? rows.get(current).values().parentCode()
					: existing.containsKey(current) ? existing.get(current).values().parentCode() : null;
			depth++;
		}
		return depth;
	}

	private void audit(List<Values> created, Map<String, Row> rows, Set<String> changed,
			Map<String, Existing> existing) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.query("select id, code from unit", (rs) -> {
			ids.put(rs.getString("code"), rs.getLong("id"));
		});
		Map<Long, Map<String, Object>> createdDetails = new LinkedHashMap<>();
		created.forEach((values) -> createdDetails.put(ids.get(values.code()), Map.of("after", values.snapshot())));
		Map<Long, Map<String, Object>> changedDetails = new LinkedHashMap<>();
		changed.forEach((code) -> changedDetails.put(ids.get(code),
				Map.of("before", existing.get(code).values().snapshot(), "after", rows.get(code).values().snapshot())));
		if (!createdDetails.isEmpty()) {
			this.audit.recordAll("UNIT_CREATED", UnitService.AUDIT_TYPE, createdDetails);
		}
		if (!changedDetails.isEmpty()) {
			this.audit.recordAll("UNIT_UPDATED", UnitService.AUDIT_TYPE, changedDetails);
		}
	}

	private static void setDetails(PreparedStatement ps, Values values) throws SQLException {
		ps.setString(1, values.name());
		ps.setString(2, values.shortName());
		ps.setString(3, values.type().name());
		ps.setString(4, (values.ownership() != null) ? values.ownership().name() : null);
		ps.setString(5, values.email());
		ps.setString(6, values.phone());
		ps.setDate(7, Date.valueOf(values.validFrom()));
		ps.setString(8, values.agencyCode());
		ps.setString(9, values.code());
	}

	private Map<String, Existing> loadExisting(String scopePath) {
		Map<String, Existing> units = new HashMap<>();
		this.jdbc.query(
				"""
						select u.id, u.code, u.name, u.short_name, u.type, u.ownership, u.email, u.phone, u.valid_from,
						       u.agency_code, u.valid_to is not null as closed, p.code as parent_code, u.path like ? || '%' as in_scope
						from unit u left join unit p on p.id = u.parent_id
						""",
				(rs) -> {
					Values values = new Values(rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
							UnitType.valueOf(rs.getString("type")),
							(rs.getString("ownership") != null) ? Ownership.valueOf(rs.getString("ownership")) : null,
							rs.getString("parent_code"), rs.getString("email"), rs.getString("phone"),
							rs.getObject("valid_from", LocalDate.class), rs.getString("agency_code"));
					units.put(values.code(),
							new Existing(rs.getLong("id"), values, rs.getBoolean("closed"), rs.getBoolean("in_scope")));
				}, scopePath);
		return units;
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

	/** A unit as a row of the file, or as the tree holds it. */
	private record Values(String code, String name, String shortName, UnitType type, Ownership ownership,
			String parentCode, String email, String phone, LocalDate validFrom, String agencyCode) {

		boolean sameDetailsAs(Values other) {
			return details().equals(other.details());
		}

		Map<String, Object> snapshot() {
			Map<String, Object> snapshot = details().snapshot();
			snapshot.put("parentCode", this.parentCode);
			return snapshot;
		}

		UnitDetails details() {
			return new UnitDetails(this.code, this.name, this.shortName, this.type, this.ownership, this.email,
					this.phone, this.validFrom, this.agencyCode);
		}

	}

	private record Row(int line, Values values) {
	}

	private record Existing(long id, Values values, boolean closed, boolean inScope) {
	}

}
