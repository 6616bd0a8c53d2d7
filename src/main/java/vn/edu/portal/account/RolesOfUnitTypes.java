package vn.edu.portal.account;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.organisation.UnitType;
import vn.edu.portal.organisation.UnitTypeRules;

/**
 * A unit keeps a type that admits the roles of its active accounts (department roles need
 * a Department unit).
 */
@Component
class RolesOfUnitTypes implements UnitTypeRules {

	private final JdbcClient jdbc;

	RolesOfUnitTypes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> refusal(long unitId, UnitType newType) {
		boolean conflict = this.jdbc.sql("""
				select exists (select 1 from account a join account_role r on r.account_id = a.id
				               where a.unit_id = ? and a.enabled and r.role = any(?))
				""")
			.param(unitId)
			.param(ScopePolicy.rolesNotAllowedFor(newType.name()).stream().map(Enum::name).toArray(String[]::new))
			.query(Boolean.class)
			.single();
		return conflict ? Optional.of("unit.type.rolesRemain") : Optional.empty();
	}

}
