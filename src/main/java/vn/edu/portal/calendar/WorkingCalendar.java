package vn.edu.portal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days: Monday to Friday, except the holidays given. A pure value, so that the
 * arithmetic is tested without a database.
 */
public final class WorkingCalendar {

	private final Set<LocalDate> holidays;

	public WorkingCalendar(Set<LocalDate> holidays) {
		this.holidays = Set.copyOf(holidays);
	}

	public boolean isWorkingDay(LocalDate day) {
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !this.holidays.contains(day);
	}

	/**
	 * The day that many working days after a day ("within 2 working days" of a Friday is
	 * the Tuesday); 0 is the day itself if it is a working day, else the next one.
	 */
	public LocalDate plus(LocalDate day, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("count forward only");
		}
		LocalDate result = day;
		if (workingDays == 0) {
			while (!isWorkingDay(result)) {
				result = result.plusDays(1);
			}
			return result;
		}
		int counted = 0;
		while (counted < workingDays) {
			result = result.plusDays(1);
			if (isWorkingDay(result)) {
				counted++;
			}
		}
		return result;
	}

	/**
	 * How many working days lie after {@code from} up to and including {@code to}:
	 * positive when {@code to} is later ("còn 2 ngày làm việc"), negative when it has
	 * passed ("quá hạn 3 ngày làm việc"), 0 on the same day.
	 */
	public int between(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -between(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

}
