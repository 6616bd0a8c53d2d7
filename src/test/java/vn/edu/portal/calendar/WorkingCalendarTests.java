package vn.edu.portal.calendar;

import java.time.LocalDate;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Working-day arithmetic: weekends, Tết, a holiday on a weekend, New Year. */
class WorkingCalendarTests {

	/** Tết Bính Ngọ: the weekdays of the break of 14 to 22 February 2026. */
	private static final Set<LocalDate> TET_2026 = Set
		.copyOf(Stream.iterate(LocalDate.of(2026, 2, 16), (day) -> day.plusDays(1)).limit(5).toList());

	@Test
	void twoWorkingDaysFromTheThursdayBeforeTetEndAfterTheBreak() {
		WorkingCalendar calendar = new WorkingCalendar(TET_2026);

		assertThat(calendar.plus(LocalDate.of(2026, 2, 12), 1)).isEqualTo(LocalDate.of(2026, 2, 13));
		assertThat(calendar.plus(LocalDate.of(2026, 2, 12), 2)).isEqualTo(LocalDate.of(2026, 2, 23));
		assertThat(calendar.between(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 23))).isEqualTo(1);
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 18))).isFalse();
	}

	@Test
	void aHolidayOnASundayCostsADayOnlyWhenTheDayInLieuIsEntered() {
		LocalDate friday = LocalDate.of(2029, 8, 31);
		LocalDate nationalDay = LocalDate.of(2029, 9, 2);
		LocalDate dayInLieu = LocalDate.of(2029, 9, 3);

		assertThat(new WorkingCalendar(Set.of(nationalDay)).plus(friday, 1)).isEqualTo(dayInLieu);
		assertThat(new WorkingCalendar(Set.of(nationalDay, dayInLieu)).plus(friday, 1))
			.isEqualTo(LocalDate.of(2029, 9, 4));
	}

	@Test
	void deadlinesCrossNewYear() {
		WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.of(2026, 1, 1)));
		LocalDate newYearsEve = LocalDate.of(2025, 12, 31);

		assertThat(calendar.plus(newYearsEve, 1)).isEqualTo(LocalDate.of(2026, 1, 2));
		assertThat(calendar.plus(newYearsEve, 2)).isEqualTo(LocalDate.of(2026, 1, 5));
		assertThat(calendar.between(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 5))).isEqualTo(3);
		assertThat(calendar.between(LocalDate.of(2026, 1, 5), LocalDate.of(2025, 12, 30)))
			.as("a deadline passed three working days ago")
			.isEqualTo(-3);
	}

	@Test
	void zeroWorkingDaysIsTheDayItselfOrTheNextWorkingDay() {
		WorkingCalendar calendar = new WorkingCalendar(Set.of());

		assertThat(calendar.plus(LocalDate.of(2026, 12, 1), 0)).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(calendar.plus(LocalDate.of(2026, 12, 5), 0)).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(calendar.between(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1))).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.plus(LocalDate.of(2026, 12, 1), -1));
	}

	@Test
	void theWorkingDaysBetweenTwoDaysAreThoseAWalkDayByDayCounts() {
		Random random = new Random(2026);
		Set<LocalDate> holidays = Set
			.copyOf(Stream
				.concat(TET_2026.stream(),
						Stream.of(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 9, 2),
								LocalDate.of(2026, 8, 30), LocalDate.of(1969, 12, 31), LocalDate.of(2031, 1, 1)))
				.toList());
		WorkingCalendar calendar = new WorkingCalendar(holidays);
		LocalDate origin = LocalDate.of(1969, 12, 1);
		for (int i = 0; i < 5_000; i++) {
			LocalDate from = origin.plusDays(random.nextInt(23_000));
			LocalDate to = from.plusDays(random.nextInt(1_500) - 750);
			assertThat(calendar.between(from, to)).as("from %s to %s", from, to).isEqualTo(walked(holidays, from, to));
		}
	}

	/** The working days after one day up to another, walked day by day. */
	private static int walked(Set<LocalDate> holidays, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -walked(holidays, to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			boolean weekend = day.getDayOfWeek().getValue() >= 6;
			if (!weekend && !holidays.contains(day)) {
				count++;
			}
		}
		return count;
	}

}
