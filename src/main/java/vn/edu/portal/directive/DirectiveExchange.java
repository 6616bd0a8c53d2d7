package vn.edu.portal.directive;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.stream.Collectors;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.system.FileStore.StoredFile;

/**
 * An issued directive as other document systems need it (the interoperability module
 * writes it as an exchange package): the register's fields, the signer, the recipients
 * and the files, for a reader who may see it (404 otherwise, drafts included).
 */
@Service
@Transactional(readOnly = true)
public class DirectiveExchange {

	private final DirectiveAccess access;

	private final DirectiveAttachments attachments;

	private final JdbcClient jdbc;

	private final DirectiveService directives;

	private final ScopePolicy scope;

	DirectiveExchange(DirectiveAccess access, DirectiveAttachments attachments, JdbcClient jdbc,
			DirectiveService directives, ScopePolicy scope) {
		this.access = access;
		this.attachments = attachments;
		this.jdbc = jdbc;
		this.directives = directives;
		this.scope = scope;
	}

	/**
	 * The Department the user issues directives for, with its identifier code: refused
	 * (403) to whoever may not draft directives.
	 */
	public Issuer issuerOf(CurrentUser user) {
		long issuer = this.directives.issuerFor(user);
		return this.jdbc.sql("select id, name, agency_code from unit where id = ?")
			.param(issuer)
			.query((rs, i) -> new Issuer(rs.getLong("id"), rs.getString("name"), rs.getString("agency_code")))
			.single();
	}

	/** The open unit in the user's scope that carries an identifier code, if any. */
	public java.util.Optional<Recipient> recipientByAgencyCode(CurrentUser user, String agencyCode) {
		return this.jdbc.sql("""
				select id, name from unit where agency_code = ? and valid_to is null and path like ? || '%'
				""")
			.param(agencyCode)
			.param(this.scope.scopeOf(user).path())
			.query((rs, i) -> new Recipient(rs.getLong("id"), rs.getString("name"), true))
			.optional();
	}

	/**
	 * The directive of the user's Department with that number, symbol and year, if the
	 * portal holds one (issued here or brought in before).
	 */
	public java.util.Optional<Long> findNumbered(CurrentUser user, int number, String symbol, int year) {
		return this.jdbc.sql("""
				select id from directive where issuer_unit_id = ? and number = ? and symbol = ? and year = ?
				""")
			.param(this.directives.issuerFor(user))
			.param(number)
			.param(symbol)
			.param(year)
			.query(Long.class)
			.optional();
	}

	/**
	 * Issues a directive registered in another system: numbered by that register, not the
	 * portal's, and delivered to its recipients like any other.
	 * @return the new directive's id
	 */
	@Transactional
	public long issueRegisteredElsewhere(CurrentUser user, OutsideDocument document, List<IncomingFile> files) {
		DocumentType type = DocumentType.valueOf(document.type());
		String[] parts = document.symbol().split("-");
		String issuerAbbreviation = (type == DocumentType.CONG_VAN || parts.length < 2) ? parts[0] : parts[1];
		String draftingAbbreviation = (type == DocumentType.CONG_VAN) ? ((parts.length > 1) ? parts[1] : null)
				: ((parts.length > 2) ? parts[2] : null);
		SignerPrefix prefix = null;
		String signerFor = null;
		String competence = (document.signerCompetence() != null) ? document.signerCompetence().strip() : "";
		for (SignerPrefix candidate : SignerPrefix.values()) {
			if (competence.toUpperCase(java.util.Locale.ROOT).startsWith(candidate.printed())) {
				prefix = candidate;
				signerFor = competence.substring(candidate.printed().length()).strip();
			}
		}
		String addressees = document.places().isEmpty() ? null
				: document.places().stream().map((line) -> "- " + line + ";").collect(Collectors.joining("\n"));
		DirectiveContent content = new DirectiveContent(type, cut(document.authorityLine(), 200),
				cut(document.issuerName(), 200), cut(issuerAbbreviation, 30), cut(draftingAbbreviation, 30),
				cut((document.place() != null) ? document.place() : "", 100), cut(document.subject(), 500),
				document.summary(), List.of(), null, document.urgency(), List.of(), prefix, cut(signerFor, 120),
				cut((document.signerPosition() != null) ? document.signerPosition() : "", 120),
				cut((document.signerName() != null) ? document.signerName() : "", 120),
				document.recipientUnitIds()
					.stream()
					.map((unit) -> new DirectiveContent.RecipientChoice("UNIT:" + unit, RecipientRole.IMPLEMENT))
					.toList(),
				addressees, null, null, document.acknowledgeBy(), ReportSchedule.NONE, null, null,
				cut(document.contactEmail(), 254), cut(document.contactPhone(), 30), false);
		try {
			long id = this.directives
				.issueRegisteredElsewhere(user, content, document.number(), document.symbol(), document.issuedOn(),
						document.documentId())
				.getId();
			for (IncomingFile file : files) {
				boolean signed = file.description() != null
						&& file.description().toLowerCase(java.util.Locale.ROOT).contains("ký");
				this.attachments.add(id, signed ? DirectiveAttachments.Kind.SIGNED : DirectiveAttachments.Kind.APPENDIX,
						file.fileName(), file.path(), user.id());
			}
			return id;
		}
		catch (DirectiveRefused refused) {
			throw new Refused(refused.messageKey());
		}
	}

	/**
	 * The sender's document id of a directive the user's Department brought in from
	 * another system; 404 for any other directive.
	 */
	public String sourceDocumentId(CurrentUser user, IssuedDocument document) {
		long issuer = this.directives.issuerFor(user);
		return this.jdbc.sql(
				"select source_document_id from directive where id = ? and registered_elsewhere and issuer_unit_id = ?")
			.param(document.id())
			.param(issuer)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new DirectiveNotFoundException(document.id()));
	}

	private static String cut(String value, int max) {
		if (value == null) {
			return null;
		}
		String text = value.strip();
		return (text.length() <= max) ? text : text.substring(0, max);
	}

	/** An issued (published or recalled) directive the reader may see, or 404. */
	public IssuedDocument issued(CurrentUser user, long directiveId) {
		this.access.checkVisible(user, directiveId);
		IssuedDocument document = this.jdbc.sql("""
				select d.id, d.status, d.type, d.number, d.symbol, d.issued_on, d.place, d.subject, d.opening,
				       d.authority_line, d.issuer_name, d.issuer_unit_id, d.urgency, d.signer_prefix, d.signer_for,
				       d.signer_position, d.signer_name, d.addressees, d.other_recipients, d.archive_line,
				       d.acknowledge_by, d.report_due, d.contact_email, d.contact_phone, d.recalled_at, d.recall_reason,
				       d.amendment, v.change_note, v.created_at as amended_at, dr.name as drafting_unit_name,
				       pa.full_name as published_by_name
				from directive d
				join unit dr on dr.id = d.drafting_unit_id
				left join directive_version v on v.directive_id = d.id and v.amendment = d.amendment and d.amendment > 0
				left join account pa on pa.id = d.published_by
				where d.id = ? and d.status in ('PUBLISHED', 'RECALLED')
				""")
			.param(directiveId)
			.query(this::document)
			.optional()
			.orElseThrow(() -> new DirectiveNotFoundException(directiveId));
		List<Recipient> recipients = this.jdbc.sql("""
				select r.unit_id, u.name, r.role from directive_recipient r join unit u on u.id = r.unit_id
				where r.directive_id = ? order by r.role, u.name collate vietnamese, u.id
				""")
			.param(directiveId)
			.query((rs, i) -> new Recipient(rs.getLong("unit_id"), rs.getString("name"),
					"IMPLEMENT".equals(rs.getString("role"))))
			.list();
		List<File> files = this.attachments.of(directiveId).stream().map(File::of).toList();
		return document.with(recipients, files);
	}

	/** Writes a file of a directive the caller has just read with {@link #issued}. */
	public void copyFile(IssuedDocument document, long fileId, OutputStream out) {
		StoredFile file = this.attachments.find(document.id(), fileId)
			.orElseThrow(() -> new DirectiveNotFoundException(document.id()));
		this.attachments.copy(file.id(), out);
	}

	private IssuedDocument document(ResultSet rs, int row) throws SQLException {
		DocumentType type = DocumentType.valueOf(rs.getString("type"));
		String prefix = rs.getString("signer_prefix");
		String signerFor = rs.getString("signer_for");
		String competence = (prefix != null)
				? SignerPrefix.valueOf(prefix).printed() + ((signerFor != null) ? " " + signerFor : "") : null;
		int number = rs.getInt("number");
		return new IssuedDocument(rs.getLong("id"), "RECALLED".equals(rs.getString("status")), type.name(),
				type.vietnameseName(), number, String.format("%02d", number), rs.getString("symbol"),
				rs.getObject("issued_on", LocalDate.class), rs.getString("place"), rs.getString("subject"),
				rs.getString("opening"), rs.getString("authority_line"), rs.getString("issuer_name"),
				rs.getLong("issuer_unit_id"), Urgency.valueOf(rs.getString("urgency")), competence,
				rs.getString("signer_position"), rs.getString("signer_name"), lines(rs.getString("addressees")),
				lines(rs.getString("other_recipients")), rs.getObject("acknowledge_by", LocalDate.class),
				rs.getObject("report_due", LocalDate.class), rs.getString("contact_email"),
				rs.getString("contact_phone"), rs.getString("drafting_unit_name"), rs.getString("published_by_name"),
				timestamp(rs, "recalled_at"), rs.getString("recall_reason"), rs.getInt("amendment"),
				rs.getString("change_note"), timestamp(rs, "amended_at"), List.of(), List.of());
	}

	private static Instant timestamp(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** The lines of a "Kính gửi" or "Nơi nhận" block, without their dashes and ends. */
	static List<String> lines(String block) {
		if (block == null) {
			return List.of();
		}
		return block.lines()
			.map(String::strip)
			.map((line) -> line.replaceFirst("^[-–•+]\\s*", "").replaceFirst("[;,.]+$", "").replace("./", "").strip())
			.filter((line) -> !line.isEmpty())
			.toList();
	}

	/**
	 * An issued directive.
	 *
	 * @param id its id
	 * @param recalled whether it was recalled
	 * @param type the document type's name ({@code CONG_VAN}, {@code CHI_THI} …)
	 * @param typeName the type's Vietnamese name ("Công văn")
	 * @param number the register number
	 * @param numberText the number as printed ("05", "340")
	 * @param symbol the symbol (ký hiệu), such as {@code SGD&ĐT-CTTT}
	 * @param issuedOn the signing day
	 * @param place the place of issue
	 * @param subject the subject (trích yếu)
	 * @param opening the first paragraph of the body
	 * @param authorityLine the body above the issuer, or {@code null}
	 * @param issuerName the issuer's name as printed
	 * @param issuerUnitId the issuing unit
	 * @param urgency how urgent it is
	 * @param signerCompetence "KT. GIÁM ĐỐC", or {@code null}
	 * @param signerPosition the signer's position
	 * @param signerName the signer's name
	 * @param addressees the "Kính gửi" lines
	 * @param otherRecipients the "Nơi nhận" lines
	 * @param acknowledgeBy the acknowledgement deadline
	 * @param reportDue the (first) report deadline
	 * @param contactEmail the contact e-mail
	 * @param contactPhone the contact phone
	 * @param draftingUnitName the drafting unit
	 * @param publishedByName who published it
	 * @param recalledAt when it was recalled
	 * @param recallReason why
	 * @param amendment how many times it was amended
	 * @param changeNote what the latest amendment changed
	 * @param amendedAt when
	 * @param recipients the recipient units as at publication
	 * @param files its files
	 */
	public record IssuedDocument(long id, boolean recalled, String type, String typeName, int number, String numberText,
			String symbol, LocalDate issuedOn, String place, String subject, String opening, String authorityLine,
			String issuerName, long issuerUnitId, Urgency urgency, String signerCompetence, String signerPosition,
			String signerName, List<String> addressees, List<String> otherRecipients, LocalDate acknowledgeBy,
			LocalDate reportDue, String contactEmail, String contactPhone, String draftingUnitName,
			String publishedByName, Instant recalledAt, String recallReason, int amendment, String changeNote,
			Instant amendedAt, List<Recipient> recipients, List<File> files) {

		IssuedDocument with(List<Recipient> recipients, List<File> files) {
			return new IssuedDocument(this.id, this.recalled, this.type, this.typeName, this.number, this.numberText,
					this.symbol, this.issuedOn, this.place, this.subject, this.opening, this.authorityLine,
					this.issuerName, this.issuerUnitId, this.urgency, this.signerCompetence, this.signerPosition,
					this.signerName, this.addressees, this.otherRecipients, this.acknowledgeBy, this.reportDue,
					this.contactEmail, this.contactPhone, this.draftingUnitName, this.publishedByName, this.recalledAt,
					this.recallReason, this.amendment, this.changeNote, this.amendedAt, List.copyOf(recipients),
					List.copyOf(files));
		}

		/** "340/SGD&ĐT-CTTT". */
		public String numberAndSymbol() {
			return Decree30.numberAndSymbol(this.number, this.symbol);
		}

	}

	/**
	 * The Department that issues.
	 *
	 * @param unitId the unit
	 * @param name its name
	 * @param agencyCode its identifier code, or {@code null}
	 */
	public record Issuer(long unitId, String name, String agencyCode) {
	}

	/**
	 * A document registered in another system, as it comes in.
	 *
	 * @param type the portal's document type ({@code CONG_VAN} …)
	 * @param number the number that register gave
	 * @param symbol the symbol (ký hiệu)
	 * @param issuedOn the signing day
	 * @param place the place of issue
	 * @param subject the subject
	 * @param summary the summary, as the first paragraph
	 * @param authorityLine the body above the issuer
	 * @param issuerName the issuer's name
	 * @param signerCompetence "KT. GIÁM ĐỐC", or {@code null}
	 * @param signerPosition the signer's position
	 * @param signerName the signer's name
	 * @param urgency how urgent
	 * @param recipientUnitIds the units that implement it
	 * @param places the "Nơi nhận" lines
	 * @param acknowledgeBy the acknowledgement deadline, or {@code null} for the default
	 * @param contactEmail the contact e-mail
	 * @param contactPhone the contact phone
	 * @param documentId the sender's document id
	 */
	public record OutsideDocument(String type, int number, String symbol, LocalDate issuedOn, String place,
			String subject, String summary, String authorityLine, String issuerName, String signerCompetence,
			String signerPosition, String signerName, Urgency urgency, List<Long> recipientUnitIds, List<String> places,
			LocalDate acknowledgeBy, String contactEmail, String contactPhone, String documentId) {
	}

	/** A document from another system that the portal does not take, with why. */
	public static class Refused extends RuntimeException {

		private final String messageKey;

		Refused(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return this.messageKey;
		}

	}

	/**
	 * A file that comes with a document from another system.
	 *
	 * @param fileName its name
	 * @param path where it was decoded
	 * @param description what the sender said it is
	 */
	public record IncomingFile(String fileName, java.nio.file.Path path, String description) {
	}

	/**
	 * A recipient unit.
	 *
	 * @param unitId the unit
	 * @param name its name
	 * @param implementing whether it implements (else it is informed)
	 */
	public record Recipient(long unitId, String name, boolean implementing) {
	}

	/**
	 * A file of a directive.
	 *
	 * @param id the stored file
	 * @param signedCopy whether it is the signed copy (else an appendix)
	 * @param fileName its name
	 * @param mediaType its media type
	 * @param size its size in bytes
	 */
	public record File(long id, boolean signedCopy, String fileName, String mediaType, long size) {

		static File of(StoredFile file) {
			return new File(file.id(), DirectiveAttachments.Kind.SIGNED.name().equals(file.kind()), file.fileName(),
					file.mediaType(), file.size());
		}

	}

}
