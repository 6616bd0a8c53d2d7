package vn.edu.portal.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;

/**
 * Changes to the unit tree: create, edit, move, close and merge. Nothing is ever deleted;
 * every change is in the audit trail with the unit before and after.
 */
@Service
class UnitService {

	static final String AUDIT_TYPE = "UNIT";

	private final UnitRepository units;

	private final List<OpenWork> openWork;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final CurrentScope scope;

	private final List<UnitTypeRules> typeRules;

	UnitService(UnitRepository units, List<OpenWork> openWork, ApplicationEventPublisher events, AuditLog audit,
			JdbcClient jdbc, CurrentScope scope, List<UnitTypeRules> typeRules) {
		this.typeRules = typeRules;
		this.scope = scope;
		this.units = units;
		this.openWork = openWork;
		this.events = events;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** A unit within the signed-in account's scope, or 404. */
	Unit get(long id) {
		return this.units.findById(id)
			.filter((unit) -> unit.getPath().startsWith(this.scope.path()))
			.orElseThrow(() -> new UnitNotFoundException(id));
	}

	@Transactional
	Unit create(UnitDetails details, String parentCode) {
		lockTree();
		if (this.units.findByCode(details.code()).isPresent()) {
			throw new UnitChangeRefused("code", "unit.code.taken");
		}
		checkAgencyCodeFree(details.agencyCode(), null);
		Unit unit = this.units.saveAndFlush(new Unit(details, parentIdOf(parentCode)));
		this.audit.record("UNIT_CREATED", AUDIT_TYPE, unit.getId(), Map.of("after", unit.snapshot()));
		return unit;
	}

	@Transactional
	Unit edit(long id, long version, UnitDetails details, String parentCode) {
		lockTree();
		Unit unit = get(id);
		checkVersion(unit, version);
		if (unit.getValidTo() != null && details.validFrom().isAfter(unit.getValidTo())) {
			throw new UnitChangeRefused("validFrom", "unit.validFrom.afterClosing");
		}
		if (details.type() != unit.getType()) {
			this.typeRules.stream()
				.map((rule) -> rule.refusal(id, details.type()))
				.flatMap(Optional::stream)
				.findFirst()
				.ifPresent((key) -> {
					throw new UnitChangeRefused("type", key);
				});
		}
		if (!unit.isClosed()) {
			checkAgencyCodeFree(details.agencyCode(), id);
		}
		Map<String, Object> before = unit.snapshot();
		unit.edit(details.withCode(unit.getCode()));
		Long parentId = parentIdOf(parentCode);
		if (!Objects.equals(parentId, unit.getParentId())) {
			moveUnder(unit, parentId);
		}
		this.units.flush();
		this.audit.record("UNIT_UPDATED", AUDIT_TYPE, id, Map.of("before", before, "after", unit.snapshot()));
		return unit;
	}

	/**
	 * Closes a unit. Without a successor it must have no open work; with one, it merges:
	 * its open units and its accounts move to the successor.
	 */
	@Transactional
	Unit close(long id, long version, LocalDate on, String successorCode) {
		lockTree();
		Unit unit = get(id);
		checkVersion(unit, version);
		if (unit.isClosed()) {
			throw new UnitChangeRefused("closedOn", "unit.close.alreadyClosed");
		}
		if (on.isBefore(unit.getValidFrom())) {
			throw new UnitChangeRefused("closedOn", "unit.close.beforeOpening");
		}
		Map<String, Object> before = unit.snapshot();
		if (successorCode == null || successorCode.isBlank()) {
			List<OpenWork.Item> open = this.openWork.stream()
				.map((check) -> check.openAt(id))
				.flatMap(Optional::stream)
				.toList();
			if (!open.isEmpty()) {
				throw new OpenWorkRefusal(open);
			}
			unit.close(on, null);
			this.units.flush();
			this.audit.record("UNIT_CLOSED", AUDIT_TYPE, id, Map.of("before", before, "after", unit.snapshot()));
			return unit;
		}
		Unit successor = this.units.findByCode(successorCode.strip())
			.filter((candidate) -> candidate.getPath().startsWith(this.scope.path()))
			.orElseThrow(() -> new UnitChangeRefused("successorCode", "unit.successor.notFound"));
		if (successor.isClosed() || successor.getId().equals(id) || successor.getPath().startsWith(unit.getPath())) {
			throw new UnitChangeRefused("successorCode", "unit.successor.invalid");
		}
		List<Long> moved = this.jdbc.sql("""
				update unit set parent_id = :successor, version = version + 1
				where parent_id = :unit and valid_to is null returning id
				""").param("successor", successor.getId()).param("unit", id).query(Long.class).list();
		Map<Long, Map<String, Object>> movedDetails = new java.util.LinkedHashMap<>();
		moved.forEach((child) -> movedDetails.put(child, Map.of("parentIdBefore", id, "parentIdAfter",
				successor.getId(), "reason", "merge of " + unit.getCode())));
		if (!movedDetails.isEmpty()) {
			this.audit.recordAll("UNIT_UPDATED", AUDIT_TYPE, movedDetails);
		}
		unit.close(on, successor.getId());
		this.units.flush();
		this.events.publishEvent(new UnitMerged(id, successor.getId(), on));
		this.audit.record("UNIT_MERGED", AUDIT_TYPE, id, Map.of("before", before, "after", unit.snapshot()));
		return unit;
	}

	/** An identifier code names one open unit at most. */
	private void checkAgencyCodeFree(String agencyCode, Long unitId) {
		if (agencyCode != null && this.jdbc.sql("""
				select exists (select 1 from unit where agency_code = ? and valid_to is null and id is distinct from ?)
				""").param(1, agencyCode).param(2, unitId, java.sql.Types.BIGINT).query(Boolean.class).single()) {
			throw new UnitChangeRefused("agencyCode", "unit.agencyCode.taken");
		}
	}

	private void moveUnder(Unit unit, Long parentId) {
		if (parentId != null && this.jdbc.sql("select path like ? || '%' from unit where id = ?")
			.param(unit.getPath())
			.param(parentId)
			.query(Boolean.class)
			.single()) {
			throw new UnitChangeRefused("parentCode", "unit.parent.cycle");
		}
		unit.moveUnder(parentId);
	}

	private Long parentIdOf(String parentCode) {
		if (parentCode == null || parentCode.isBlank()) {
			if (!this.scope.isEverything()) {
				throw new UnitChangeRefused("parentCode", "unit.parent.required");
			}
			return null;
		}
		Unit parent = this.units.findByCode(parentCode.strip())
			.filter((candidate) -> candidate.getPath().startsWith(this.scope.path()))
			.orElseThrow(() -> new UnitChangeRefused("parentCode", "unit.parent.notFound"));
		if (parent.isClosed()) {
			throw new UnitChangeRefused("parentCode", "unit.parent.closed");
		}
		return parent.getId();
	}

	/**
	 * Changes to the tree take turns, so that two moves cannot interleave into a cycle or
	 * a stale path.
	 */
	private void lockTree() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('portal.unit-tree'))").query().listOfRows();
	}

	private static void checkVersion(Unit unit, long version) {
		if (unit.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(Unit.class, unit.getId());
		}
	}

	/** Closing refused because of open work, each item with its count. */
	static class OpenWorkRefusal extends UnitChangeRefused {

		private final transient List<OpenWork.Item> items;

		OpenWorkRefusal(List<OpenWork.Item> items) {
			super("successorCode", "unit.close.openWork");
			this.items = items;
		}

		List<OpenWork.Item> items() {
			return this.items;
		}

	}

}
