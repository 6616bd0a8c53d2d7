package vn.edu.portal.interop;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.DirectiveExchange;
import vn.edu.portal.directive.DirectiveExchange.IssuedDocument;
import vn.edu.portal.organisation.UnitDirectory;
import vn.edu.portal.system.Formats;

/**
 * Issued directives as edXML packages: the mapping of the portal's fields onto the
 * package, in one place (the README's table follows it).
 */
@Service
class DirectivePackages {

	/** Written when the issuing unit has no identifier code yet. */
	static final String UNKNOWN_ORGAN = "000.00.00.000";

	private final DirectiveExchange exchange;

	private final UnitDirectory units;

	private final Formats formats;

	private final Clock clock;

	DirectivePackages(DirectiveExchange exchange, UnitDirectory units, Formats formats, Clock clock) {
		this.exchange = exchange;
		this.units = units;
		this.formats = formats;
		this.clock = clock;
	}

	/** An issued directive the reader may see, or 404. */
	IssuedDocument issued(CurrentUser user, long directiveId) {
		return this.exchange.issued(user, directiveId);
	}

	/** Writes the package of a directive read with {@link #issued}. */
	void write(IssuedDocument document, OutputStream out) {
		Instant now = this.clock.instant();
		EdXmlPackage edxml = map(document);
		EdXmlWriter.write(edxml, edxml.from().organId(), now, this.formats.zone(), out);
	}

	EdXmlPackage map(IssuedDocument d) {
		List<Long> unitIds = Stream
			.concat(Stream.of(d.issuerUnitId()), d.recipients().stream().map(DirectiveExchange.Recipient::unitId))
			.toList();
		Map<Long, String> codes = this.units.agencyCodes(unitIds);
		String organId = codes.getOrDefault(d.issuerUnitId(), UNKNOWN_ORGAN);
		EdXmlPackage.Organ from = new EdXmlPackage.Organ(organId, cut(d.authorityLine(), 200), cut(d.issuerName(), 200),
				cut(d.place(), 200), cut(d.contactEmail(), 100), cut(d.contactPhone(), 100), null, null);
		List<EdXmlPackage.Organ> to = d.recipients()
			.stream()
			.filter((r) -> codes.containsKey(r.unitId()))
			.map((r) -> EdXmlPackage.Organ.of(codes.get(r.unitId()), cut(r.name(), 200)))
			.toList();
		String documentId = documentId(organId, d);
		EdXml.DocumentType type = EdXml.typeOfPortal(d.type()).orElseThrow();
		List<String> places = Stream.concat(d.addressees().stream(), d.otherRecipients().stream())
			.map((line) -> cut(line, 150))
			.toList();
		List<EdXmlPackage.Attachment> attachments = new ArrayList<>();
		List<String> appendixes = new ArrayList<>();
		for (DirectiveExchange.File file : d.files()) {
			attachments.add(new EdXmlPackage.Attachment(String.valueOf(file.id()), file.mediaType(),
					file.signedCopy() ? "Bản có chữ ký" : "Phụ lục", file.fileName(),
					(out) -> this.exchange.copyFile(d, file.id(), out)));
			if (!file.signedCopy()) {
				appendixes.add(cut(file.fileName(), 500));
			}
		}
		EdXmlPackage.Business business;
		EdXmlPackage.Staff staff = new EdXmlPackage.Staff(cut(d.draftingUnitName(), 200), cut(d.publishedByName(), 200),
				cut(d.contactPhone(), 100), cut(d.contactEmail(), 100));
		if (d.recalled()) {
			business = new EdXmlPackage.Business(EdXml.Business.REVOKE, cut(d.recallReason(), 500), documentId, staff);
		}
		else if (d.amendment() > 0) {
			business = new EdXmlPackage.Business(EdXml.Business.UPDATE, cut(d.changeNote(), 500), documentId, staff);
		}
		else {
			business = new EdXmlPackage.Business(EdXml.Business.NEW, null, null, staff);
		}
		return new EdXmlPackage(from, to, documentId, d.numberText(), d.symbol(), cut(d.place(), 50), d.issuedOn(),
				type, cut(d.subject(), 500), cut(d.opening(), 500),
				new EdXmlPackage.Signer(cut(d.signerCompetence(), 100), cut(d.signerPosition(), 100),
						cut(d.signerName(), 50)),
				(d.acknowledgeBy() != null) ? d.acknowledgeBy() : d.reportDue(), places,
				EdXml.PRIORITY.get(d.urgency().name()), appendixes, EdXml.STEERING, business, attachments);
	}

	/** {@code OrganId,yyyy/MM/dd,Number/Notation}. */
	static String documentId(String organId, IssuedDocument d) {
		return organId + "," + EdXml.date(d.issuedOn()) + "," + d.numberAndSymbol();
	}

	/** "340-SGDDT-CTTT-2020.edxml": the number, the symbol's letters and the year. */
	static String fileName(IssuedDocument d) {
		String symbol = java.text.Normalizer
			.normalize(d.symbol().replace('Đ', 'D').replace('đ', 'd'), java.text.Normalizer.Form.NFD)
			.replaceAll("[^A-Za-z0-9-]", "");
		return d.numberText() + "-" + symbol + "-" + d.issuedOn().getYear() + EdXml.EXTENSION;
	}

	static String cut(String value, int max) {
		if (value == null) {
			return null;
		}
		String text = value.strip();
		return (text.codePointCount(0, text.length()) <= max) ? text
				: text.substring(0, text.offsetByCodePoints(0, max));
	}

}
