package vn.edu.portal.directive;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.edu.portal.account.CurrentUser;

/**
 * What other modules may know of a directive, for a reader who may see it (404
 * otherwise).
 */
@Service
public class DirectiveCatalog {

	private final DirectiveAccess access;

	private final JdbcClient jdbc;

	DirectiveCatalog(DirectiveAccess access, JdbcClient jdbc) {
		this.access = access;
		this.jdbc = jdbc;
	}

	/** A directive the reader may see, or 404. */
	public Summary summary(CurrentUser user, long directiveId) {
		this.access.checkVisible(user, directiveId);
		return this.jdbc.sql("""
				select d.id, d.number, d.symbol, d.type, d.subject, d.urgency, d.issued_on, d.status, d.issuer_unit_id
				from directive d where d.id = ?
				""")
			.param(directiveId)
			.query((rs, i) -> new Summary(rs.getLong("id"),
					(rs.getObject("number") != null)
							? Decree30.numberAndSymbol(rs.getInt("number"), rs.getString("symbol")) : null,
					DocumentType.valueOf(rs.getString("type")) == DocumentType.CONG_VAN, rs.getString("type"),
					rs.getString("subject"), Urgency.valueOf(rs.getString("urgency")),
					rs.getObject("issued_on", LocalDate.class), "RECALLED".equals(rs.getString("status")),
					rs.getLong("issuer_unit_id")))
			.single();
	}

	/**
	 * A directive as other modules show it.
	 *
	 * @param id the directive
	 * @param numberAndSymbol "340/SGD&ĐT-CTTT", or {@code null} before publication
	 * @param congVan whether it is a công văn (its subject reads "V/v ...")
	 * @param type its document type's name (message key {@code directive.type.*})
	 * @param subject its subject
	 * @param urgency its urgency
	 * @param issuedOn its date
	 * @param recalled whether it was recalled
	 * @param issuerUnitId the issuing unit
	 */
	public record Summary(long id, String numberAndSymbol, boolean congVan, String type, String subject,
			Urgency urgency, LocalDate issuedOn, boolean recalled, long issuerUnitId) {
	}

}
