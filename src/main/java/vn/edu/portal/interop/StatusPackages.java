package vn.edu.portal.interop;

import java.io.OutputStream;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.DirectiveExchange;
import vn.edu.portal.directive.DirectiveExchange.IssuedDocument;
import vn.edu.portal.system.Formats;

/**
 * Status packages for a directive that came in as edXML: the Department tells the
 * province's register how far its units got (received, accepted, in progress, done), with
 * the delivery's figures in words.
 */
@Service
class StatusPackages {

	/**
	 * The statuses the portal answers with; without a code it chooses from the figures.
	 */
	static final java.util.List<EdXml.Status> OFFERED = java.util.List.of(EdXml.Status.ARRIVED, EdXml.Status.ACCEPTED,
			EdXml.Status.IN_PROGRESS, EdXml.Status.DONE);

	private final DirectiveExchange exchange;

	private final JdbcClient jdbc;

	private final Formats formats;

	private final Clock clock;

	StatusPackages(DirectiveExchange exchange, JdbcClient jdbc, Formats formats, Clock clock) {
		this.exchange = exchange;
		this.jdbc = jdbc;
		this.formats = formats;
		this.clock = clock;
	}

	/**
	 * The status package of an imported directive of the user's Department, or 404.
	 * @param code the status code ({@code 01}, {@code 03}, {@code 05}, {@code 06}), or
	 * {@code null} to choose from the figures
	 * @throws IllegalArgumentException for another code
	 */
	@Transactional(readOnly = true)
	StatusPackage status(CurrentUser user, long directiveId, String code) {
		DirectiveExchange.Issuer issuer = this.exchange.issuerOf(user);
		IssuedDocument document = this.exchange.issued(user, directiveId);
		String sourceId = this.exchange.sourceDocumentId(user, document);
		Figures figures = this.jdbc.sql("""
				select count(*) as units, count(a.acknowledged_at) as acknowledged,
				       count(*) filter (where exists (select 1 from report r where r.assignment_id = a.id
				                                        and r.submitted_at is not null)) as reported
				from assignment a where a.directive_id = ? and a.parent_id is null
				""")
			.param(directiveId)
			.query((rs, i) -> new Figures(rs.getInt("units"), rs.getInt("acknowledged"), rs.getInt("reported")))
			.single();
		EdXml.Status status = (code != null) ? parse(code) : figures.status();
		String organId = (issuer.agencyCode() != null) ? issuer.agencyCode() : DirectivePackages.UNKNOWN_ORGAN;
		String description = DirectivePackages.cut(statusName(status) + ": " + figures.units() + " đơn vị nhận, "
				+ figures.acknowledged() + " đã tiếp nhận, " + figures.reported() + " đã báo cáo.", 500);
		return new StatusPackage(EdXmlPackage.Organ.of(organId, DirectivePackages.cut(issuer.name(), 200)),
				new StatusPackage.ResponseFor(organId, document.numberAndSymbol(), document.issuedOn(), sourceId),
				new EdXmlPackage.Staff(DirectivePackages.cut(document.draftingUnitName(), 200),
						DirectivePackages.cut(user.fullName(), 200), null, null),
				status, description, this.clock.instant());
	}

	void write(StatusPackage status, OutputStream out) {
		EdXmlWriter.write(status, this.formats.zone(), out);
	}

	static EdXml.Status parse(String code) {
		return OFFERED.stream()
			.filter((status) -> status.code.equals(code.strip()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("not an offered status code: " + code));
	}

	private static String statusName(EdXml.Status status) {
		return switch (status) {
			case ARRIVED -> "Đã đến";
			case ACCEPTED -> "Đã tiếp nhận, vào sổ";
			case IN_PROGRESS -> "Đang xử lý";
			case DONE -> "Đã hoàn thành";
			default -> status.name();
		};
	}

	/** The delivery's figures: units reached, acknowledged, reported. */
	record Figures(int units, int acknowledged, int reported) {

		EdXml.Status status() {
			if (this.units > 0 && this.reported == this.units) {
				return EdXml.Status.DONE;
			}
			if (this.acknowledged > 0) {
				return EdXml.Status.IN_PROGRESS;
			}
			return EdXml.Status.ACCEPTED;
		}

	}

}
