package vn.edu.portal.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks units up for other modules. */
@Service
@Transactional(readOnly = true)
public class UnitDirectory {

	private final UnitRepository units;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	UnitDirectory(UnitRepository units, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.units = units;
		this.jdbc = jdbc;
	}

	/** The electronic identifier codes of units that have one, by unit id. */
	public java.util.Map<Long, String> agencyCodes(java.util.Collection<Long> unitIds) {
		java.util.Map<Long, String> codes = new java.util.HashMap<>();
		if (!unitIds.isEmpty()) {
			this.jdbc.sql("select id, agency_code from unit where id = any(?) and agency_code is not null")
				.param(unitIds.toArray(Long[]::new))
				.query((rs) -> {
					codes.put(rs.getLong("id"), rs.getString("agency_code"));
				});
		}
		return codes;
	}

	public Optional<UnitRef> findByCode(String code) {
		return this.units.findByCode(code).map(Unit::toRef);
	}

	/**
	 * A unit of a scope (by the scope's path) with its open units one level down, or 404
	 * ({@link UnitNotFoundException}) for a unit outside it.
	 */
	public UnitInfo inScope(long unitId, String scopePath) {
		UnitInfo unit = this.jdbc.sql("""
				select u.id, u.code, u.agency_code, u.name, u.short_name, u.type, u.parent_id, u.valid_from, u.valid_to
				from unit u where u.id = ? and u.path like ? || '%'
				""")
			.param(unitId)
			.param(scopePath)
			.query((rs, i) -> info(rs, List.of()))
			.optional()
			.orElseThrow(() -> new UnitNotFoundException(unitId));
		List<UnitInfo.Child> children = this.jdbc.sql("""
				select c.id, c.name, c.type from unit c
				where c.parent_id = ? and c.valid_to is null and c.path like ? || '%'
				order by c.name collate vietnamese, c.id
				""")
			.param(unitId)
			.param(scopePath)
			.query((rs, i) -> new UnitInfo.Child(rs.getLong("id"), rs.getString("name"),
					UnitType.valueOf(rs.getString("type"))))
			.list();
		return new UnitInfo(unit.id(), unit.code(), unit.agencyCode(), unit.name(), unit.shortName(), unit.type(),
				unit.parentId(), unit.validFrom(), unit.validTo(), children);
	}

	private static UnitInfo info(java.sql.ResultSet rs, List<UnitInfo.Child> children) throws java.sql.SQLException {
		Long parent = rs.getObject("parent_id", Long.class);
		return new UnitInfo(rs.getLong("id"), rs.getString("code"), rs.getString("agency_code"), rs.getString("name"),
				rs.getString("short_name"), UnitType.valueOf(rs.getString("type")), parent,
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), children);
	}

	/**
	 * A unit as other systems read it.
	 *
	 * @param id its id
	 * @param code its code in the portal
	 * @param agencyCode its electronic identifier code, or {@code null}
	 * @param name its full name
	 * @param shortName its short name, or {@code null}
	 * @param type its type
	 * @param parentId the unit above it, or {@code null}
	 * @param validFrom the day it opened
	 * @param validTo the day it closed, or {@code null} while open
	 * @param children its open units one level down within the scope
	 */
	public record UnitInfo(long id, String code, String agencyCode, String name, String shortName, UnitType type,
			Long parentId, LocalDate validFrom, LocalDate validTo, List<Child> children) {

		/**
		 * A unit one level down.
		 *
		 * @param id its id
		 * @param name its name
		 * @param type its type
		 */
		public record Child(long id, String name, UnitType type) {
		}

	}

}
