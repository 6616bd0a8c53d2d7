package vn.edu.portal.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;

/** The holidays of each year, kept by system administrators. */
@Service
class HolidayAdministration {

	/**
	 * The holidays on fixed days of the solar calendar (Labour Code 2019, art. 112); Tết,
	 * Giỗ Tổ and the days moved each year are entered by hand.
	 */
	static final Map<MonthDay, String> FIXED = Map.of(MonthDay.of(1, 1), "Tết Dương lịch", MonthDay.of(4, 30),
			"Ngày Chiến thắng", MonthDay.of(5, 1), "Ngày Quốc tế lao động", MonthDay.of(9, 2), "Quốc khánh");

	private final JdbcClient jdbc;

	private final WorkingDays workingDays;

	private final AuditLog audit;

	HolidayAdministration(JdbcClient jdbc, WorkingDays workingDays, AuditLog audit) {
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.audit = audit;
	}

	List<Holiday> of(int year) {
		return this.jdbc.sql("""
				select day, name from holiday where day between make_date(:year, 1, 1) and make_date(:year, 12, 31)
				order by day
				""")
			.param("year", year)
			.query((rs, i) -> new Holiday(rs.getObject("day", LocalDate.class), rs.getString("name")))
			.list();
	}

	/** Adds a holiday; {@code false} when the day is one already. */
	@Transactional
	boolean add(LocalDate day, String name) {
		boolean added = this.jdbc.sql("insert into holiday (day, name) values (?, ?) on conflict (day) do nothing")
			.params(day, name)
			.update() == 1;
		if (added) {
			this.audit.record("HOLIDAY_ADDED", "HOLIDAY", day, Map.of("name", name));
			this.workingDays.changed();
		}
		return added;
	}

	/** Adds the fixed holidays of a year that are not there yet; answers how many. */
	@Transactional
	int addFixed(int year) {
		int added = 0;
		for (Map.Entry<MonthDay, String> fixed : FIXED.entrySet()) {
			added += add(fixed.getKey().atYear(year), fixed.getValue()) ? 1 : 0;
		}
		return added;
	}

	@Transactional
	void remove(LocalDate day) {
		if (this.jdbc.sql("delete from holiday where day = ?").param(day).update() == 1) {
			this.audit.record("HOLIDAY_REMOVED", "HOLIDAY", day, Map.of());
			this.workingDays.changed();
		}
	}

	/**
	 * A holiday.
	 *
	 * @param day the day
	 * @param name what it is
	 */
	record Holiday(LocalDate day, String name) {
	}

}
