package vn.edu.portal.directive;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.edu.portal.system.DayMonthYear;

/** The small forms of the lifecycle steps on a directive's page. */
final class StepForms {

	private StepForms() {
	}

	/**
	 * Publication: the day the leader signs, in the register of that day's year.
	 *
	 * @param signedOn the signing day, dd/MM/yyyy
	 * @param version the version approved
	 */
	record Publish(@NotBlank @DayMonthYear String signedOn, @NotNull Long version) {
	}

	/**
	 * Returning a draft to its drafter, or recalling a published directive.
	 *
	 * @param comment why
	 * @param version the version seen
	 */
	record WithReason(@NotBlank @Size(max = 2000) String comment, @NotNull Long version) {
	}

}
