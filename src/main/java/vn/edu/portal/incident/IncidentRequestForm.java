package vn.edu.portal.incident;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The form of a request made outside the portal: to a platform or to an agency, its
 * answer and outcome. The rules across fields are checked here, each beside its field.
 *
 * @param target PLATFORM or AGENCY
 * @param platform the platform asked
 * @param asked what the platform was asked
 * @param agency the agency asked
 * @param reference the platform's report or case number, or the agency's reference
 * @param contact who was contacted
 * @param sentOn when the request was sent
 * @param answer what came back
 * @param answeredOn when the answer came
 * @param outcome how it ended, if it did
 * @param formKey the key of a new request's form: sent twice, it makes one request
 * @param version the version edited
 */
record IncidentRequestForm(@NotNull Target target, Platform platform, IncidentRequest.Asked asked,
		IncidentRequest.Agency agency, @Size(max = 100) String reference, @Size(max = 200) String contact,
		@NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sentOn,
		@Size(max = 2000) String answer,
		@PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answeredOn,
		IncidentRequest.Outcome outcome, String formKey, Long version) {

	/** Whom a request went to. */
	enum Target {

		PLATFORM, AGENCY

	}

	/** A blank form for a new request, sent today. */
	static IncidentRequestForm blank(LocalDate today) {
		return new IncidentRequestForm(Target.PLATFORM, null, null, null, null, null, today, null, null, null,
				UUID.randomUUID().toString(), null);
	}

	/** The form of a recorded request. */
	static IncidentRequestForm of(IncidentRequest request) {
		return new IncidentRequestForm((request.getPlatform() != null) ? Target.PLATFORM : Target.AGENCY,
				request.getPlatform(), request.getAsked(), request.getAgency(), request.getReference(),
				request.getContact(), request.getSentOn(), request.getAnswer(), request.getAnsweredOn(),
				request.getOutcome(), request.getFormKey().toString(), request.getVersion());
	}

	/** The rules across fields, each error beside its field. */
	void check(Errors errors) {
		if (this.target == Target.PLATFORM) {
			if (this.platform == null) {
				errors.rejectValue("platform", "incident.request.platform.required");
			}
			if (this.asked == null) {
				errors.rejectValue("asked", "incident.request.asked.required");
			}
		}
		if (this.target == Target.AGENCY && this.agency == null) {
			errors.rejectValue("agency", "incident.request.agency.required");
		}
		if (this.sentOn != null && this.answeredOn != null && this.answeredOn.isBefore(this.sentOn)
				&& !errors.hasFieldErrors("answeredOn")) {
			errors.rejectValue("answeredOn", "incident.request.answeredOn.beforeSent");
		}
		if (text(this.answer) != null && this.answeredOn == null && !errors.hasFieldErrors("answeredOn")) {
			errors.rejectValue("answeredOn", "incident.request.answeredOn.required");
		}
		if (this.outcome == IncidentRequest.Outcome.NO_ANSWER && this.answeredOn != null) {
			errors.rejectValue("outcome", "incident.request.outcome.noAnswerAnswered");
		}
	}

	/** The key of the form, or a fresh one when it was tampered with. */
	UUID key() {
		try {
			return UUID.fromString(this.formKey);
		}
		catch (IllegalArgumentException | NullPointerException badKey) {
			return null;
		}
	}

	/** What the form says, for the request itself (only the chosen target's fields). */
	IncidentRequest.Details details() {
		boolean platformAsked = this.target == Target.PLATFORM;
		return new IncidentRequest.Details(platformAsked ? this.platform : null, platformAsked ? this.asked : null,
				platformAsked ? null : this.agency, text(this.reference), platformAsked ? null : text(this.contact),
				this.sentOn, text(this.answer), this.answeredOn, this.outcome);
	}

	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
