package vn.edu.portal.delivery;

import java.util.List;

import jakarta.validation.constraints.Size;

import vn.edu.portal.system.DayMonthYear;

/**
 * Forwarding to units below.
 *
 * @param units unit picker tokens of the units to forward to
 * @param instructions the office's own instructions
 * @param dueOn the deadline for them, dd/MM/yyyy, no later than the office's own
 */
record ForwardForm(List<String> units, @Size(max = 4000) String instructions, @DayMonthYear String dueOn) {

	ForwardForm {
		units = (units != null) ? units : List.of();
	}

	static ForwardForm blank() {
		return new ForwardForm(List.of(), "", "");
	}

}
