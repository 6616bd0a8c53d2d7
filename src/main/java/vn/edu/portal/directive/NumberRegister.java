package vn.edu.portal.directive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outgoing register of each issuing unit: the next number of a calendar year. One
 * atomic statement takes it and keeps the register's row locked until the publishing
 * transaction ends, so two leaders publishing at the same moment get consecutive numbers,
 * and a publication that rolls back gives its number back: the register stays gapless and
 * never reuses a number.
 */
@Component
class NumberRegister {

	private final JdbcClient jdbc;

	NumberRegister(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next number of the issuer's register for the year; must run inside the
	 * publication.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int next(long issuerUnitId, int year) {
		return this.jdbc.sql("""
				insert into directive_register (issuer_unit_id, year, last_number) values (:issuer, :year, 1)
				on conflict (issuer_unit_id, year)
				do update set last_number = directive_register.last_number + 1
				returning last_number
				""").param("issuer", issuerUnitId).param("year", year).query(Integer.class).single();
	}

	/**
	 * Continues a register after the numbers an issuer used outside the portal this year
	 * (before it adopted the portal): the next number is {@code lastUsed + 1}. Never goes
	 * back, so no number is used twice.
	 * @return whether the register was moved on; {@code false} when it is already at or
	 * past that number
	 */
	@Transactional
	boolean continueAfter(long issuerUnitId, int year, int lastUsed) {
		return this.jdbc
			.sql("""
					insert into directive_register (issuer_unit_id, year, last_number) values (:issuer, :year, :last)
					on conflict (issuer_unit_id, year)
					do update set last_number = excluded.last_number where directive_register.last_number < excluded.last_number
					""")
			.param("issuer", issuerUnitId)
			.param("year", year)
			.param("last", lastUsed)
			.update() == 1;
	}

	/** The last number given in the register of a year, 0 when none. */
	int last(long issuerUnitId, int year) {
		return this.jdbc.sql("select last_number from directive_register where issuer_unit_id = ? and year = ?")
			.param(issuerUnitId)
			.param(year)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

}
