package vn.edu.portal.interop;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every name and value set of the edXML package in one place, so that what could not be
 * confirmed against the standard's normative tables is corrected here and nowhere else.
 * Where sources disagree, the first form is written and every form is read.
 */
final class EdXml {

	static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

	static final String PREFIX = "edXML";

	static final String MEDIA_TYPE = "application/xml";

	static final String EXTENSION = ".edxml";

	/** The package's root, outside the namespace, holding the envelope and the files. */
	static final String ROOT = "edXML";

	static final String ENVELOPE = "edXMLEnvelope";

	static final String HEADER = "edXMLHeader";

	static final String MESSAGE_HEADER = "MessageHeader";

	static final String TRACE_HEADER_LIST = "TraceHeaderList";

	static final String TRACE_HEADER = "TraceHeader";

	static final String BODY = "edXMLBody";

	static final String MANIFEST = "edXMLManifest";

	static final String REFERENCE = "Reference";

	static final String ATTACHMENT_ENCODED = "AttachmentEncoded";

	static final String ATTACHMENT = "Attachment";

	/** Spelled with a double s by the standard; "Business" is read too. */
	static final List<String> BUSINESS = List.of("Bussiness", "Business");

	static final String CID = "cid:";

	/** Dates: written the first way, read either way. */
	static final List<DateTimeFormatter> DATES = List.of(pattern("uuuu/MM/dd"), pattern("dd/MM/uuuu"),
			pattern("uuuu-MM-dd"));

	static final DateTimeFormatter TIMESTAMP = pattern("uuuu/MM/dd HH:mm:ss");

	/** Steering type of a directive ("2 = steering" as reported; unconfirmed). */
	static final int STEERING = 2;

	private EdXml() {
	}

	static String date(LocalDate date) {
		return (date != null) ? DATES.get(0).format(date) : "";
	}

	/** A date in any of the forms that circulate, or empty. */
	static Optional<LocalDate> parseDate(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.strip();
		int space = value.indexOf(' ');
		if (space > 0) {
			value = value.substring(0, space);
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return Optional.of(LocalDate.parse(value, format));
			}
			catch (DateTimeParseException ex) {
				// the next form
			}
		}
		return Optional.empty();
	}

	private static DateTimeFormatter pattern(String pattern) {
		return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
	}

	/** The business type of a package ({@code BussinessDocType}). */
	enum Business {

		NEW(0), REVOKE(1), UPDATE(2), REPLACE(3);

		final int code;

		Business(int code) {
			this.code = code;
		}

		static Optional<Business> of(int code) {
			return java.util.Arrays.stream(values()).filter((b) -> b.code == code).findFirst();
		}

	}

	/** Priority ({@code OtherInfo/Priority}) by the portal's urgency names. */
	static final Map<String, Integer> PRIORITY = Map.of("NORMAL", 0, "URGENT", 1, "VERY_URGENT", 2, "FLASH", 3);

	/** The urgency of a priority; "hỏa tốc hẹn giờ" (4) is hỏa tốc to the portal. */
	static Optional<String> urgencyOf(int priority) {
		if (priority == 4) {
			return Optional.of("FLASH");
		}
		return PRIORITY.entrySet().stream().filter((e) -> e.getValue() == priority).map(Map.Entry::getKey).findFirst();
	}

	/**
	 * A document type as the package writes it: {@code Type} 2 (group B, administrative
	 * documents), {@code TypeDetail} the number in the amendment's list, and the name.
	 * How group and number are carried is not confirmed: on import the name decides, the
	 * number only when the name is missing.
	 *
	 * @param portalType the portal's type
	 * @param type the {@code Type} written
	 * @param typeDetail the {@code TypeDetail} written
	 * @param name the {@code TypeName}
	 */
	record DocumentType(String portalType, int type, int typeDetail, String name) {
	}

	static final int ADMINISTRATIVE_GROUP = 2;

	static final List<DocumentType> DOCUMENT_TYPES = List.of(
			new DocumentType("CHI_THI", ADMINISTRATIVE_GROUP, 3, "Chỉ thị"),
			new DocumentType("THONG_BAO", ADMINISTRATIVE_GROUP, 5, "Thông báo"),
			new DocumentType("HUONG_DAN", ADMINISTRATIVE_GROUP, 6, "Hướng dẫn"),
			new DocumentType("CHUONG_TRINH", ADMINISTRATIVE_GROUP, 7, "Chương trình"),
			new DocumentType("KE_HOACH", ADMINISTRATIVE_GROUP, 9, "Kế hoạch"),
			new DocumentType("BAO_CAO", ADMINISTRATIVE_GROUP, 11, "Báo cáo"),
			new DocumentType("CONG_VAN", ADMINISTRATIVE_GROUP, 18, "Công văn"),
			new DocumentType("GIAY_MOI", ADMINISTRATIVE_GROUP, 25, "Giấy mời"),
			new DocumentType("QUYET_DINH", ADMINISTRATIVE_GROUP, 2, "Quyết định"));

	static Optional<DocumentType> typeOfPortal(String portalType) {
		return DOCUMENT_TYPES.stream().filter((t) -> t.portalType().equals(portalType)).findFirst();
	}

	/** The type named, without regard to case and spaces, else the one numbered. */
	static Optional<DocumentType> typeOf(String name, Integer typeDetail) {
		if (name != null && !name.isBlank()) {
			String wanted = java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC);
			return DOCUMENT_TYPES.stream().filter((t) -> t.name().equalsIgnoreCase(wanted)).findFirst();
		}
		return DOCUMENT_TYPES.stream().filter((t) -> typeDetail != null && t.typeDetail() == typeDetail).findFirst();
	}

	/** Status codes of status packages (those the sources agree on). */
	enum Status {

		ARRIVED("01"), REFUSED("02"), ACCEPTED("03"), ASSIGNED("04"), IN_PROGRESS("05"), DONE("06"),
		REVOCATION_REQUESTED("13"), AGREES("15"), DISAGREES("16");

		final String code;

		Status(String code) {
			this.code = code;
		}

	}

}
