package vn.edu.portal.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import vn.edu.portal.system.DayMonthYear;

/**
 * A holiday to add.
 *
 * @param day the day, dd/MM/yyyy
 * @param name what it is ("Tết Nguyên đán")
 */
record HolidayForm(@NotBlank @DayMonthYear String day, @NotBlank @Size(max = 200) String name) {
}
