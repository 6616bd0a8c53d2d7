package vn.edu.portal.directive;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Everything a drafter writes in a directive (domain.md §2), validated by the form; the
 * number and the date come from publication.
 *
 * @param type the document type
 * @param authorityLine the parent authority over the issuer ("UBND TỈNH BẾN TRE")
 * @param issuerName the issuing body as printed ("SỞ GIÁO DỤC VÀ ĐÀO TẠO")
 * @param issuerAbbreviation the issuer's part of the symbol ("SGD&ĐT")
 * @param draftingAbbreviation the drafting division's part of the symbol ("CTTT")
 * @param place the place of issue ("Bến Tre")
 * @param subject the subject (trích yếu)
 * @param opening the paragraphs before the numbered tasks
 * @param tasks the numbered tasks
 * @param closing the paragraphs after the tasks
 * @param urgency the urgency
 * @param references documents this one refers to
 * @param signerPrefix the authority prefix, or {@code null}
 * @param signerFor the title after the prefix ("GIÁM ĐỐC" in "KT. GIÁM ĐỐC")
 * @param signerPosition the signer's position ("PHÓ GIÁM ĐỐC")
 * @param signerName the signer's full name
 * @param recipients the recipients as chosen in the unit picker
 * @param addressees the "Kính gửi" lines, or empty to print the recipients' names
 * @param otherRecipients the "Nơi nhận" lines that are not units
 * @param archiveLine the archive line ("VT, CTTT")
 * @param acknowledgeBy the day to acknowledge by, or {@code null} for the next working
 * day after publication
 * @param reportSchedule when reports are due
 * @param reportDue the (first) report deadline
 * @param reportUntil the end of a report schedule
 * @param contactEmail where incidents are reported
 * @param contactPhone the phone for incidents
 * @param forwardingRequired whether offices with units below them must forward it
 */
record DirectiveContent(DocumentType type, String authorityLine, String issuerName, String issuerAbbreviation,
		String draftingAbbreviation, String place, String subject, String opening, List<Task> tasks, String closing,
		Urgency urgency, List<Reference> references, SignerPrefix signerPrefix, String signerFor, String signerPosition,
		String signerName, List<RecipientChoice> recipients, String addressees, String otherRecipients,
		String archiveLine, LocalDate acknowledgeBy, ReportSchedule reportSchedule, LocalDate reportDue,
		LocalDate reportUntil, String contactEmail, String contactPhone, boolean forwardingRequired) {

	DirectiveContent {
		tasks = List.copyOf(tasks);
		references = List.copyOf(references);
		recipients = List.copyOf(recipients);
	}

	/** The same directive to other recipients. */
	DirectiveContent withRecipients(List<RecipientChoice> newRecipients) {
		return new DirectiveContent(this.type, this.authorityLine, this.issuerName, this.issuerAbbreviation,
				this.draftingAbbreviation, this.place, this.subject, this.opening, this.tasks, this.closing,
				this.urgency, this.references, this.signerPrefix, this.signerFor, this.signerPosition, this.signerName,
				newRecipients, this.addressees, this.otherRecipients, this.archiveLine, this.acknowledgeBy,
				this.reportSchedule, this.reportDue, this.reportUntil, this.contactEmail, this.contactPhone,
				this.forwardingRequired);
	}

	/** The same directive with other references. */
	DirectiveContent withReferences(List<Reference> newReferences) {
		return new DirectiveContent(this.type, this.authorityLine, this.issuerName, this.issuerAbbreviation,
				this.draftingAbbreviation, this.place, this.subject, this.opening, this.tasks, this.closing,
				this.urgency, newReferences, this.signerPrefix, this.signerFor, this.signerPosition, this.signerName,
				this.recipients, this.addressees, this.otherRecipients, this.archiveLine, this.acknowledgeBy,
				this.reportSchedule, this.reportDue, this.reportUntil, this.contactEmail, this.contactPhone,
				this.forwardingRequired);
	}

	String symbol() {
		return Decree30.symbol(this.type, this.issuerAbbreviation, this.draftingAbbreviation);
	}

	/** Tokens of the unit picker chosen with a role. */
	List<String> tokens(RecipientRole role) {
		return this.recipients.stream().filter((choice) -> choice.role() == role).map(RecipientChoice::token).toList();
	}

	/**
	 * A numbered task of the body.
	 *
	 * @param text its paragraphs
	 * @param reportRequired whether units report on it
	 * @param reportDue its own report deadline, or {@code null} for the directive's
	 */
	@Embeddable
	record Task(@Column(name = "text") String text, boolean reportRequired, LocalDate reportDue) {
	}

	/**
	 * A document referred to: one in the portal, or an outside one by number and title.
	 *
	 * @param referencedDirectiveId the directive in the portal, or {@code null}
	 * @param outsideNumber the number of an outside document ("2023-CV/BTGTU ngày
	 * 20/02/2020")
	 * @param outsideTitle its title
	 */
	@Embeddable
	record Reference(Long referencedDirectiveId, String outsideNumber, String outsideTitle) {
	}

	/**
	 * A choice of the unit picker with its role.
	 *
	 * @param token UNIT:id, SUBTREE:id or TYPE:name
	 * @param role implement or inform
	 */
	@Embeddable
	record RecipientChoice(String token, @Enumerated(EnumType.STRING) RecipientRole role) {
	}

}
