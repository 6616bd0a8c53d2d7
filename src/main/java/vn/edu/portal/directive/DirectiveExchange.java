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

import vn.edu.portal.account.CurrentUser;
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

	DirectiveExchange(DirectiveAccess access, DirectiveAttachments attachments, JdbcClient jdbc) {
		this.access = access;
		this.attachments = attachments;
		this.jdbc = jdbc;
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
