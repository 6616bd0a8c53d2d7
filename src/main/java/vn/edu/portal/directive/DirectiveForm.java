package vn.edu.portal.directive;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

import vn.edu.portal.system.DayMonthYear;
import vn.edu.portal.system.Formats;

/**
 * The directive form (new draft, edit, amendment). Dates are text as typed (dd/MM/yyyy),
 * so a mistyped one is reported beside its field and shown again as it was.
 *
 * @param type the document type
 * @param secrecy the secrecy mark; anything but none is refused
 * @param authorityLine the parent authority line
 * @param issuerName the issuing body
 * @param issuerAbbreviation the issuer's abbreviation in the symbol
 * @param draftingAbbreviation the drafting division's abbreviation in the symbol
 * @param place the place of issue
 * @param subject the subject
 * @param opening the paragraphs before the tasks
 * @param tasks the numbered tasks
 * @param closing the paragraphs after the tasks
 * @param urgency the urgency
 * @param references the documents referred to
 * @param signerPrefix the authority prefix, or none
 * @param signerFor the title after the prefix
 * @param signerPosition the signer's position
 * @param signerName the signer's name
 * @param implementers unit picker tokens of the units that implement
 * @param informed unit picker tokens of the units informed
 * @param addressees the "Kính gửi" lines
 * @param otherRecipients the other "Nơi nhận" lines
 * @param archiveLine the archive line
 * @param acknowledgeBy the acknowledgement deadline, or empty for the next working day
 * @param reportSchedule when reports are due
 * @param reportDue the (first) report deadline
 * @param reportUntil the end of a report schedule
 * @param contactEmail where incidents are reported
 * @param contactPhone the phone for incidents
 * @param forwardingRequired whether offices must forward it to the units below them
 * @param changeNote what an amendment changes
 * @param version the version edited, against lost updates
 * @param formKey the key of a new draft's form: sent twice, it makes one draft
 */
record DirectiveForm(@NotNull DocumentType type, @NotNull Secrecy secrecy, @Size(max = 200) String authorityLine,
		@NotBlank @Size(max = 200) String issuerName, @NotBlank @Size(max = 30) String issuerAbbreviation,
		@Size(max = 30) String draftingAbbreviation, @NotBlank @Size(max = 100) String place,
		@NotBlank @Size(max = 500) String subject, @Size(max = 20000) String opening, @Valid List<TaskForm> tasks,
		@Size(max = 20000) String closing, @NotNull Urgency urgency, @Valid List<ReferenceForm> references,
		SignerPrefix signerPrefix, @Size(max = 120) String signerFor, @NotBlank @Size(max = 120) String signerPosition,
		@NotBlank @Size(max = 120) String signerName, List<String> implementers, List<String> informed,
		@Size(max = 4000) String addressees, @Size(max = 4000) String otherRecipients,
		@Size(max = 200) String archiveLine, @DayMonthYear String acknowledgeBy, @NotNull ReportSchedule reportSchedule,
		@DayMonthYear String reportDue, @DayMonthYear String reportUntil, @Email @Size(max = 254) String contactEmail,
		@Pattern(regexp = "^[0-9 +().-]*$") @Size(max = 30) String contactPhone, Boolean forwardingRequired,
		@Size(max = 2000) String changeNote, Long version, String formKey) {

	private static final int BLANK_TASKS = 1;

	/** What the unit picker sends: a unit, a subtree, or all units of a type. */
	private static final java.util.regex.Pattern RECIPIENT_TOKEN = java.util.regex.Pattern
		.compile("(UNIT|SUBTREE):[0-9]{1,18}|TYPE:[A-Z_]{1,40}");

	DirectiveForm {
		tasks = (tasks != null) ? new ArrayList<>(tasks) : new ArrayList<>();
		references = (references != null) ? new ArrayList<>(references) : new ArrayList<>();
		implementers = (implementers != null) ? implementers : List.of();
		informed = (informed != null) ? informed : List.of();
	}

	/** A new draft, starting from the lines the drafter used last. */
	static DirectiveForm blank(Defaults defaults) {
		DirectiveForm form = new DirectiveForm(DocumentType.CONG_VAN, Secrecy.NONE, defaults.authorityLine(),
				defaults.issuerName(), defaults.issuerAbbreviation(), defaults.draftingAbbreviation(), defaults.place(),
				"", "", null, "", Urgency.NORMAL, null, defaults.signerPrefix(), defaults.signerFor(),
				defaults.signerPosition(), defaults.signerName(), null, null, "", "", defaults.archiveLine(), "",
				ReportSchedule.NONE, "", "", defaults.contactEmail(), defaults.contactPhone(), false, "", null,
				UUID.randomUUID().toString());
		return form.withBlankRows();
	}

	static DirectiveForm of(DirectiveContent content, long version) {
		List<TaskForm> tasks = content.tasks()
			.stream()
			.map((task) -> new TaskForm(task.text(), task.reportRequired(), Formats.dayMonthYear(task.reportDue())))
			.toList();
		List<ReferenceForm> references = content.references()
			.stream()
			.map((reference) -> new ReferenceForm(reference.referencedDirectiveId(), reference.outsideNumber(),
					reference.outsideTitle()))
			.toList();
		return new DirectiveForm(content.type(), Secrecy.NONE, content.authorityLine(), content.issuerName(),
				content.issuerAbbreviation(), content.draftingAbbreviation(), content.place(), content.subject(),
				content.opening(), tasks, content.closing(), content.urgency(), references, content.signerPrefix(),
				content.signerFor(), content.signerPosition(), content.signerName(),
				content.tokens(RecipientRole.IMPLEMENT), content.tokens(RecipientRole.INFORM), content.addressees(),
				content.otherRecipients(), content.archiveLine(), Formats.dayMonthYear(content.acknowledgeBy()),
				content.reportSchedule(), Formats.dayMonthYear(content.reportDue()),
				Formats.dayMonthYear(content.reportUntil()), content.contactEmail(), content.contactPhone(),
				content.forwardingRequired(), "", version, null)
			.withBlankRows();
	}

	/** The key of a new draft's form, if it carries a well-formed one. */
	UUID key() {
		try {
			return (this.formKey != null) ? UUID.fromString(this.formKey) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The form with a blank task and reference row to type into. */
	DirectiveForm withBlankRows() {
		if (this.tasks.stream().allMatch(TaskForm::hasText) || this.tasks.size() < BLANK_TASKS) {
			this.tasks.add(new TaskForm("", false, ""));
		}
		if (this.references.stream().allMatch(ReferenceForm::isFilled)) {
			this.references.add(new ReferenceForm(null, "", ""));
		}
		return this;
	}

	/** The rules across fields, each reported beside its field. */
	void check(Errors errors) {
		if (Stream.concat(this.implementers.stream(), this.informed.stream())
			.anyMatch((token) -> token == null || !RECIPIENT_TOKEN.matcher(token.strip()).matches())) {
			errors.rejectValue("implementers", "directive.recipients.invalid");
		}
		if (this.secrecy != null && this.secrecy != Secrecy.NONE) {
			errors.rejectValue("secrecy", "directive.secrecy.refused");
		}
		boolean outsideOnly = this.type == DocumentType.BAO_CAO && !isBlank(this.addressees);
		if (this.implementers.isEmpty() && this.informed.isEmpty() && !outsideOnly) {
			errors.rejectValue("implementers", "directive.recipients.required");
		}
		boolean noTasks = this.tasks.stream().noneMatch(TaskForm::hasText);
		if (isBlank(this.opening) && noTasks && isBlank(this.closing)) {
			errors.rejectValue("opening", "directive.body.required");
		}
		if (this.signerPrefix != null && isBlank(this.signerFor)) {
			errors.rejectValue("signerFor", "directive.signerFor.required");
		}
		if (this.reportSchedule != null && this.reportSchedule != ReportSchedule.NONE && isBlank(this.reportDue)
				&& !errors.hasFieldErrors("reportDue")) {
			errors.rejectValue("reportDue", "directive.reportDue.required");
		}
		if (this.reportSchedule != null && this.reportSchedule.repeats() && isBlank(this.reportUntil)
				&& !errors.hasFieldErrors("reportUntil")) {
			errors.rejectValue("reportUntil", "directive.reportUntil.required");
		}
		if (!errors.hasFieldErrors("reportDue") && !errors.hasFieldErrors("reportUntil") && !isBlank(this.reportDue)
				&& !isBlank(this.reportUntil)
				&& Formats.parseDayMonthYear(this.reportUntil).isBefore(Formats.parseDayMonthYear(this.reportDue))) {
			errors.rejectValue("reportUntil", "directive.reportUntil.beforeDue");
		}
		for (int i = 0; i < this.tasks.size(); i++) {
			TaskForm task = this.tasks.get(i);
			if (task.reports() && !task.hasText()) {
				errors.rejectValue("tasks[" + i + "].text", "directive.task.textRequired");
			}
			boolean ownDue = !isBlank(task.reportDue());
			if (task.reports() && !ownDue && this.reportSchedule == ReportSchedule.NONE) {
				errors.rejectValue("tasks[" + i + "].reportDue", "directive.task.dueRequired");
			}
		}
		for (int i = 0; i < this.references.size(); i++) {
			ReferenceForm reference = this.references.get(i);
			if (reference.directiveId() == null && isBlank(reference.number()) && !isBlank(reference.title())) {
				errors.rejectValue("references[" + i + "].number", "directive.reference.numberRequired");
			}
		}
	}

	/** The content typed; call once the form is valid. */
	DirectiveContent content() {
		List<DirectiveContent.Task> contentTasks = this.tasks.stream()
			.filter(TaskForm::hasText)
			.map((task) -> new DirectiveContent.Task(nfc(task.text()), task.reports(),
					isBlank(task.reportDue()) ? null : Formats.parseDayMonthYear(task.reportDue())))
			.toList();
		List<DirectiveContent.Reference> contentReferences = this.references.stream()
			.filter(ReferenceForm::isFilled)
			.map((reference) -> new DirectiveContent.Reference(reference.directiveId(),
					(reference.directiveId() != null) ? null : blankToNull(reference.number()),
					(reference.directiveId() != null) ? null : blankToNull(reference.title())))
			.toList();
		List<DirectiveContent.RecipientChoice> recipients = Stream
			.concat(this.implementers.stream()
				.map((token) -> new DirectiveContent.RecipientChoice(token.strip(), RecipientRole.IMPLEMENT)),
					this.informed.stream()
						.map((token) -> new DirectiveContent.RecipientChoice(token.strip(), RecipientRole.INFORM)))
			.distinct()
			.toList();
		return new DirectiveContent(this.type, blankToNull(this.authorityLine), nfc(this.issuerName),
				nfc(this.issuerAbbreviation), blankToNull(this.draftingAbbreviation), nfc(this.place),
				nfc(this.subject), blankToNull(this.opening), contentTasks, blankToNull(this.closing), this.urgency,
				contentReferences, this.signerPrefix, blankToNull(this.signerFor), nfc(this.signerPosition),
				nfc(this.signerName), recipients, blankToNull(this.addressees), blankToNull(this.otherRecipients),
				blankToNull(this.archiveLine), date(this.acknowledgeBy), this.reportSchedule, date(this.reportDue),
				date(this.reportUntil), blankToNull(this.contactEmail), blankToNull(this.contactPhone),
				Boolean.TRUE.equals(this.forwardingRequired));
	}

	private static LocalDate date(String text) {
		return isBlank(text) ? null : Formats.parseDayMonthYear(text);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return isBlank(value) ? null : nfc(value);
	}

	/** Text as stored: stripped, in Unicode NFC. */
	private static String nfc(String value) {
		return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
	}

	/**
	 * What a new draft starts from: the drafter's last directive of the same issuer.
	 *
	 * @param authorityLine the parent authority line
	 * @param issuerName the issuing body
	 * @param issuerAbbreviation the issuer's abbreviation
	 * @param draftingAbbreviation the drafting division's abbreviation
	 * @param place the place of issue
	 * @param archiveLine the archive line
	 * @param contactEmail the e-mail for incidents
	 * @param contactPhone the phone for incidents
	 * @param signerPrefix the authority prefix
	 * @param signerFor the title after it
	 * @param signerPosition the signer's position
	 * @param signerName the signer's name
	 */
	record Defaults(String authorityLine, String issuerName, String issuerAbbreviation, String draftingAbbreviation,
			String place, String archiveLine, String contactEmail, String contactPhone, SignerPrefix signerPrefix,
			String signerFor, String signerPosition, String signerName) {

		static final Defaults NONE = new Defaults("", "", "", "", "", "", "", "", null, "", "", "");

	}

	/**
	 * A task row.
	 *
	 * @param text its paragraphs
	 * @param reportRequired whether units report on it
	 * @param reportDue its own report deadline, or empty
	 */
	record TaskForm(@Size(max = 8000) String text, Boolean reportRequired, @DayMonthYear String reportDue) {

		boolean hasText() {
			return this.text != null && !this.text.isBlank();
		}

		/** Whether the box is ticked: an unticked box sends nothing. */
		boolean reports() {
			return Boolean.TRUE.equals(this.reportRequired);
		}

	}

	/**
	 * A reference row: a directive of the portal, or an outside document.
	 *
	 * @param directiveId the directive in the portal
	 * @param number the outside document's number and date
	 * @param title its title
	 */
	record ReferenceForm(Long directiveId, @Size(max = 120) String number, @Size(max = 500) String title) {

		boolean isFilled() {
			return this.directiveId != null || (this.number != null && !this.number.isBlank());
		}

	}

}
