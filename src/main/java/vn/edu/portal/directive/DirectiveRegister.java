package vn.edu.portal.directive;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.system.Formats;
import vn.edu.portal.system.TabularExport;

/**
 * The outgoing register (sổ đăng ký văn bản đi) of an issuer for a year, with the columns
 * of Decree 30 Appendix IV, in number order. Recalled documents stay, marked.
 */
@Component
class DirectiveRegister {

	static final List<String> COLUMN_KEYS = List.of("register.col.number", "register.col.date", "register.col.subject",
			"register.col.signer", "register.col.recipients", "register.col.archive", "register.col.copies",
			"register.col.sent", "register.col.receivedBy", "register.col.notes");

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Formats formats;

	DirectiveRegister(JdbcClient jdbc, MessageSource messages, Formats formats) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.formats = formats;
	}

	List<Row> rows(long issuerUnitId, int year) {
		return query(issuerUnitId, year).list();
	}

	/** The register as a workbook, written as the rows are read. */
	@Transactional(readOnly = true)
	void xlsx(long issuerUnitId, int year, Locale locale, OutputStream out) {
		List<String> header = COLUMN_KEYS.stream().map((key) -> this.messages.getMessage(key, null, locale)).toList();
		try (Stream<Row> rows = query(issuerUnitId, year).stream()) {
			TabularExport.xlsx(out,
					this.messages.getMessage("register.sheet", new Object[] { String.valueOf(year) }, locale), header,
					rows.map((row) -> row.cells(this.messages, locale, this.formats)));
		}
	}

	/** The years of the issuer's register that have documents, newest first. */
	List<Integer> years(long issuerUnitId) {
		return this.jdbc
			.sql("select distinct year from directive where issuer_unit_id = ? and year is not null order by year desc")
			.param(issuerUnitId)
			.query(Integer.class)
			.list();
	}

	private JdbcClient.MappedQuerySpec<Row> query(long issuerUnitId, int year) {
		return this.jdbc.sql("""
				select d.id, d.number, d.symbol, d.issued_on, d.type, d.subject, d.signer_prefix, d.signer_for,
				       d.signer_position, d.signer_name, d.addressees, d.other_recipients, d.archive_line,
				       d.published_at, d.status, d.recalled_at, d.recall_reason, d.amendment, d.registered_elsewhere,
				       du.name as drafting_unit,
				       (select count(*) from directive_recipient r where r.directive_id = d.id) as units
				from directive d join unit du on du.id = d.drafting_unit_id
				where d.issuer_unit_id = ? and d.year = ? and d.number is not null
				order by d.number
				""")
			.param(issuerUnitId)
			.param(year)
			.query((rs, i) -> new Row(rs.getLong("id"),
					Decree30.numberAndSymbol(rs.getInt("number"), rs.getString("symbol")),
					rs.getObject("issued_on", LocalDate.class), DocumentType.valueOf(rs.getString("type")),
					rs.getString("subject"),
					signer(rs.getString("signer_prefix"), rs.getString("signer_for"), rs.getString("signer_position"),
							rs.getString("signer_name")),
					PrintedDirective.lines(rs.getString("addressees")),
					PrintedDirective.lines(rs.getString("other_recipients")), rs.getLong("units"),
					rs.getString("archive_line"), rs.getString("drafting_unit"),
					rs.getTimestamp("published_at").toInstant(), "RECALLED".equals(rs.getString("status")),
					(rs.getTimestamp("recalled_at") != null) ? rs.getTimestamp("recalled_at").toInstant() : null,
					rs.getString("recall_reason"), rs.getInt("amendment"), rs.getBoolean("registered_elsewhere")));
	}

	private static String signer(String prefix, String signerFor, String position, String name) {
		String authority = (prefix != null) ? SignerPrefix.valueOf(prefix).printed() + " " + signerFor + " - " : "";
		return authority + position + ": " + name;
	}

	/**
	 * A line of the register.
	 *
	 * @param id the directive
	 * @param numberAndSymbol "340/SGD&ĐT-CTTT"
	 * @param issuedOn its date
	 * @param type its type
	 * @param subject its subject
	 * @param signer who signed, with the authority
	 * @param addressees its "Kính gửi" lines
	 * @param otherRecipients its other "Nơi nhận" lines
	 * @param units how many units it went to
	 * @param archiveLine who keeps the archive copy
	 * @param draftingUnit the drafting division
	 * @param sentAt when it was sent through the portal
	 * @param recalled whether it was recalled
	 * @param recalledAt when
	 * @param recallReason why
	 * @param amendment how many times it was amended
	 * @param registeredElsewhere whether another system's register numbered it (imported)
	 */
	record Row(long id, String numberAndSymbol, LocalDate issuedOn, DocumentType type, String subject, String signer,
			List<String> addressees, List<String> otherRecipients, long units, String archiveLine, String draftingUnit,
			Instant sentAt, boolean recalled, Instant recalledAt, String recallReason, int amendment,
			boolean registeredElsewhere) {

		/**
		 * The copies: one per recipient unit, one per other recipient line, and the
		 * archive copy.
		 */
		public long copies() {
			return this.units + this.otherRecipients.size() + ((this.archiveLine != null) ? 1 : 0);
		}

		public String typeAndSubject() {
			return this.type.vietnameseName() + ": " + this.subject;
		}

		public String archive() {
			return (this.archiveLine != null) ? this.archiveLine : this.draftingUnit;
		}

		List<String> cells(MessageSource messages, Locale locale, Formats formats) {
			return List.of(this.numberAndSymbol, Formats.dayMonthYear(this.issuedOn), typeAndSubject(), this.signer,
					recipients(messages, locale), archive(), String.valueOf(copies()), formats.date(this.sentAt), "",
					notes(messages, locale));
		}

		String recipients(MessageSource messages, Locale locale) {
			String units = messages.getMessage("register.units", new Object[] { this.units }, locale);
			List<String> lines = new ArrayList<>(this.addressees);
			lines.add(units);
			lines.addAll(this.otherRecipients);
			return String.join("\n", lines);
		}

		String notes(MessageSource messages, Locale locale) {
			List<String> notes = new ArrayList<>();
			if (this.recalled) {
				notes.add(messages.getMessage("register.recalled", new Object[] { this.recallReason }, locale));
			}
			if (this.amendment > 0) {
				notes.add(messages.getMessage("register.amended", new Object[] { this.amendment }, locale));
			}
			return String.join("\n", notes);
		}

	}

}
