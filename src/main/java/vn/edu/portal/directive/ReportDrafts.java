package vn.edu.portal.directive;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;

/**
 * Drafts of a báo cáo (a report upward, to the Ministry or the Provincial People's
 * Committee) written by another module, such as the dashboard's periodic report: a draft
 * of the account's Department like any other, edited, approved, numbered and printed on
 * the directive pages. It goes to a body outside the portal, named in its "Kính gửi", so
 * it has no recipient units.
 */
@Service
public class ReportDrafts {

	private final DirectiveService directives;

	private final ScopePolicy scope;

	private final JdbcClient jdbc;

	ReportDrafts(DirectiveService directives, ScopePolicy scope, JdbcClient jdbc) {
		this.directives = directives;
		this.scope = scope;
		this.jdbc = jdbc;
	}

	/** Whether the account may draft: a Department officer or leader. */
	public boolean mayDraft(CurrentUser user) {
		return this.scope.permits(user, Permission.DRAFT_DIRECTIVES);
	}

	/**
	 * A new draft báo cáo of the account's Department (403 unless it may draft there),
	 * its issuer and signer lines taken from the Department's last directive, the
	 * account's own first; the same draft again when the same form is sent twice.
	 * @param subject the subject (trích yếu)
	 * @param to the body it is addressed to
	 * @param opening the body's paragraphs and tables ("| a | b |" lines) before
	 * @param closing those after
	 * @param formKey the key of the form it was asked from
	 * @return the draft's id
	 */
	public long draft(CurrentUser user, String subject, Addressee to, String opening, String closing, UUID formKey) {
		long issuer = this.directives.issuerFor(user);
		Lines lines = lines(user, issuer);
		DirectiveContent content = new DirectiveContent(DocumentType.BAO_CAO, lines.authorityLine(), lines.issuerName(),
				lines.issuerAbbreviation(), lines.draftingAbbreviation(), lines.place(), subject, opening, List.of(),
				closing, Urgency.NORMAL, List.of(), lines.signerPrefix(), lines.signerFor(), lines.signerPosition(),
				lines.signerName(), List.of(), to.addressee(lines.authorityLine()), "- Như trên;", lines.archiveLine(),
				null, ReportSchedule.NONE, null, null, null, null, false);
		try {
			return this.directives.create(user, content, formKey).getId();
		}
		catch (DataIntegrityViolationException twice) {
			// The same form sent twice at once: the other request made the draft.
			return this.directives.madeFrom(user, formKey).orElseThrow(() -> twice).getId();
		}
	}

	/**
	 * The issuer and signer lines of the Department's last directive, the account's own
	 * first; the unit's name when it has none.
	 */
	private Lines lines(CurrentUser user, long issuer) {
		return this.jdbc.sql("""
				select authority_line, issuer_name, issuer_abbreviation, drafting_abbreviation, place, archive_line,
				       signer_prefix, signer_for, signer_position, signer_name
				from directive where issuer_unit_id = ? order by (created_by = ?) desc, id desc limit 1
				""")
			.param(issuer)
			.param(user.id())
			.query((rs, i) -> new Lines(rs.getString("authority_line"), rs.getString("issuer_name"),
					rs.getString("issuer_abbreviation"), rs.getString("drafting_abbreviation"), rs.getString("place"),
					rs.getString("archive_line"),
					(rs.getString("signer_prefix") != null) ? SignerPrefix.valueOf(rs.getString("signer_prefix"))
							: null,
					rs.getString("signer_for"), rs.getString("signer_position"), rs.getString("signer_name")))
			.optional()
			.orElseGet(() -> this.jdbc.sql("select name from unit where id = ?")
				.param(issuer)
				.query((rs, i) -> new Lines(null, rs.getString("name"), "SGDĐT", null, "…", "VT", SignerPrefix.KT,
						"Giám đốc", "Phó Giám đốc", "…"))
				.single());
	}

	/** Whom a báo cáo is addressed to. */
	public enum Addressee {

		/** The Ministry of Education and Training. */
		MINISTRY,
		/** The Provincial People's Committee. */
		PROVINCE;

		/**
		 * The "Kính gửi" line: the province named after the authority line ("UBND TỈNH
		 * BẾN TRE") when there is one.
		 */
		String addressee(String authorityLine) {
			if (this == MINISTRY) {
				return "Bộ Giáo dục và Đào tạo";
			}
			String prefix = "UBND TỈNH ";
			if (authorityLine == null || !authorityLine.strip().toUpperCase(VIETNAMESE).startsWith(prefix)) {
				return "Ủy ban nhân dân tỉnh";
			}
			StringBuilder name = new StringBuilder("Ủy ban nhân dân tỉnh");
			for (String word : authorityLine.strip().substring(prefix.length()).split("\\s+")) {
				String lower = word.toLowerCase(VIETNAMESE);
				name.append(' ').append(lower.substring(0, 1).toUpperCase(VIETNAMESE)).append(lower.substring(1));
			}
			return name.toString();
		}

	}

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private record Lines(String authorityLine, String issuerName, String issuerAbbreviation,
			String draftingAbbreviation, String place, String archiveLine, SignerPrefix signerPrefix, String signerFor,
			String signerPosition, String signerName) {
	}

}
