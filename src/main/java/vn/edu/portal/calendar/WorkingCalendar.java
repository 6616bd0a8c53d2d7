package vn.edu.portal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

/**
 * Working days: Monday to Friday, except the holidays given. A pure value, so that the
 * arithmetic is tested without a database.
 */
public final class WorkingCalendar {

	private final Set<LocalDate> holidays;

	/** The holidays that fall on a weekday, as epoch days, in order. */
	private final long[] weekdayHolidays;

	public WorkingCalendar(Set<LocalDate> holidays) {
		this.holidays = Set.copyOf(holidays);
		this.weekdayHolidays = this.holidays.stream()
			.filter((day) -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
			.mapToLong(LocalDate::toEpochDay)
			.sorted()
			.toArray();
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
		// Counted, not walked: a list page asks this for every row, of deadlines years
		// apart.
		long a = from.toEpochDay();
		long b = to.toEpochDay();
		return Math.toIntExact((weekdaysUpTo(b) - weekdaysUpTo(a)) - (holidaysUpTo(b) - holidaysUpTo(a)));
	}

	/**
	 * Weekdays from a fixed Monday up to an epoch day: the difference of two is the
	 * weekdays after the first up to and including the second.
	 */
	private static long weekdaysUpTo(long epochDay) {
		long sinceMonday = epochDay + 3; // 1970-01-01 was a Thursday
		return Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7) + 1, 5);
	}

	/** The weekday holidays up to and including an epoch day. */
	private long holidaysUpTo(long epochDay) {
		int at = Arrays.binarySearch(this.weekdayHolidays, epochDay);
		return (at >= 0) ? at + 1 : -(at + 1);
	}

}
