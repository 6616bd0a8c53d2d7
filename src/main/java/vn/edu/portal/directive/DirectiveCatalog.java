package vn.edu.portal.directive;

import java.time.LocalDate;
import java.util.List;

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

	/**
	 * The names of the document types, in their order (message keys
	 * {@code directive.type.*}).
	 */
	public static List<String> documentTypes() {
		return java.util.Arrays.stream(DocumentType.values()).map(Enum::name).toList();
	}

	/**
	 * The number and symbol of a directive aliased {@code d}, in SQL, as
	 * {@link #numberAndSymbol(int, String)} writes them: for set-based queries of other
	 * modules.
	 */
	public static final String NUMBER_AND_SYMBOL_SQL = "(case when d.number < 10 then '0' else '' end || d.number || '/' || d.symbol)";

	/** "05/KH-SGDĐT", "340/SGD&ĐT-CTTT": a number and symbol as Decree 30 writes them. */
	public static String numberAndSymbol(int number, String symbol) {
		return Decree30.numberAndSymbol(number, symbol);
	}

	/** A directive the reader may see, or 404. */
	public Summary summary(CurrentUser user, long directiveId) {
		this.access.checkVisible(user, directiveId);
		return this.jdbc.sql(SUMMARY + " where d.id = ?").param(directiveId).query(DirectiveCatalog::summary).single();
	}

	/** A directive the reader may see, if it is one. */
	public java.util.Optional<Summary> find(CurrentUser user, long directiveId) {
		DirectiveAccess.Reader reader = this.access.reader(user);
		return reader.bind(this.jdbc.sql(SUMMARY + " where d.id = :id and " + reader.condition()))
			.param("id", directiveId)
			.query(DirectiveCatalog::summary)
			.optional();
	}

	/**
	 * The issued directives the reader sees, the latest first: to link something to one.
	 */
	public List<Summary> recentlyIssued(CurrentUser user, int limit) {
		DirectiveAccess.Reader reader = this.access.reader(user);
		return reader
			.bind(this.jdbc.sql(SUMMARY + " where d.status = 'PUBLISHED' and " + reader.condition()
					+ " order by d.issued_on desc, d.id desc limit :limit"))
			.param("limit", limit)
			.query(DirectiveCatalog::summary)
			.list();
	}

	private static final String SUMMARY = """
			select d.id, d.number, d.symbol, d.type, d.subject, d.urgency, d.issued_on, d.status, d.issuer_unit_id
			from directive d
			""";

	private static Summary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Summary(rs.getLong("id"),
				(rs.getObject("number") != null) ? Decree30.numberAndSymbol(rs.getInt("number"), rs.getString("symbol"))
						: null,
				DocumentType.valueOf(rs.getString("type")) == DocumentType.CONG_VAN, rs.getString("type"),
				rs.getString("subject"), Urgency.valueOf(rs.getString("urgency")),
				rs.getObject("issued_on", LocalDate.class), "RECALLED".equals(rs.getString("status")),
				rs.getLong("issuer_unit_id"));
	}

	/**
	 * What a directive asks its implementing units to report, for the delivery that has
	 * checked the reader's access to an assignment of it.
	 */
	public ReportPlan reportPlan(long directiveId) {
		ReportPlan plan = this.jdbc.sql("select report_schedule, report_due, report_until from directive where id = ?")
			.param(directiveId)
			.query((rs, i) -> new ReportPlan(rs.getString("report_schedule"),
					rs.getObject("report_due", LocalDate.class), rs.getObject("report_until", LocalDate.class),
					List.of()))
			.single();
		List<PlannedTask> tasks = this.jdbc.sql("""
				select position, text, report_required, report_due from directive_task
				where directive_id = ? order by position
				""")
			.param(directiveId)
			.query((rs, i) -> new PlannedTask(rs.getInt("position") + 1, rs.getString("text"),
					rs.getBoolean("report_required"), rs.getObject("report_due", LocalDate.class)))
			.list();
		return new ReportPlan(plan.schedule(), plan.reportDue(), plan.reportUntil(), tasks);
	}

	/**
	 * What a directive asks to report.
	 *
	 * @param schedule NONE, ONCE, MONTHLY, QUARTERLY or SEMESTER
	 * @param reportDue the (first) deadline
	 * @param reportUntil the end of a schedule
	 * @param tasks the numbered tasks
	 */
	public record ReportPlan(String schedule, LocalDate reportDue, LocalDate reportUntil, List<PlannedTask> tasks) {
	}

	/**
	 * A numbered task of a directive.
	 *
	 * @param number its number, from 1
	 * @param text its text
	 * @param reportRequired whether units report on it
	 * @param reportDue its own deadline, or {@code null}
	 */
	public record PlannedTask(int number, String text, boolean reportRequired, LocalDate reportDue) {
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
