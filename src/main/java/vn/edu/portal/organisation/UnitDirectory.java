package vn.edu.portal.organisation;

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

}
