package vn.edu.portal.organisation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import jakarta.validation.constraints.NotBlank;

import vn.edu.portal.system.DayMonthYear;
import vn.edu.portal.system.Formats;

/**
 * Closing a unit, or merging it into a successor.
 *
 * @param closedOn the last day of the unit
 * @param successorCode the unit it merges into, or empty to close it only
 * @param version the version seen, against lost updates
 */
record UnitCloseForm(@NotBlank @DayMonthYear String closedOn, String successorCode, @NotNull Long version) {

	static UnitCloseForm blank(LocalDate today, long version) {
		return new UnitCloseForm(Formats.dayMonthYear(today), "", version);
	}

	LocalDate closedOnDate() {
		return Formats.parseDayMonthYear(this.closedOn);
	}

}
