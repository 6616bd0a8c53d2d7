package vn.edu.portal.organisation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Closing a unit, or merging it into a successor.
 *
 * @param closedOn the last day of the unit
 * @param successorCode the unit it merges into, or empty to close it only
 * @param version the version seen, against lost updates
 */
record UnitCloseForm(@NotNull @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate closedOn, String successorCode,
		@NotNull Long version) {

	static UnitCloseForm blank(LocalDate today, long version) {
		return new UnitCloseForm(today, "", version);
	}

}
