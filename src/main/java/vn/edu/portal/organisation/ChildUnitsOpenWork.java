package vn.edu.portal.organisation;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Open units below a unit are open work: closing it would orphan them. */
@Component
class ChildUnitsOpenWork implements OpenWork {

	private final JdbcClient jdbc;

	ChildUnitsOpenWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Item> openAt(long unitId) {
		long count = this.jdbc.sql("select count(*) from unit where parent_id = ? and valid_to is null")
			.param(unitId)
			.query(Long.class)
			.single();
		return (count > 0) ? Optional.of(new Item("unit.openWork.children", count)) : Optional.empty();
	}

}
