package vn.edu.portal.directive;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How Decree 30 writes a document's number, symbol, place and date (Appendix I, boxes 3
 * and 4).
 */
final class Decree30 {

	private Decree30() {
	}

	/**
	 * The symbol: "{type}-{issuer}-{drafting unit}", without the parts that are empty; a
	 * công văn has no type part ("SGD&ĐT-CTTT"). The agency sets its own abbreviations,
	 * so they are data.
	 */
	static String symbol(DocumentType type, String issuerAbbreviation, String draftingUnit) {
		return Stream.of(type.abbreviation(), issuerAbbreviation, draftingUnit)
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter((part) -> !part.isEmpty())
			.collect(Collectors.joining("-"));
	}

	/**
	 * The number and symbol as box 3 shows them after "Số:": "05/KH-SGD&ĐT". Numbers
	 * below 10 get a leading zero; no spaces around "/".
	 */
	static String numberAndSymbol(int number, String symbol) {
		if (number < 1) {
			throw new IllegalArgumentException("register numbers start at 1");
		}
		// Not String.format: every row of every list page shows one, and parsing the
		// format each time was a hundredth of the inbox's time.
		return ((number < 10) ? "0" : "") + number + "/" + symbol;
	}

	/**
	 * "Bến Tre, ngày 05 tháng 3 năm 2020": days below 10 and months 1-2 get a leading
	 * zero.
	 */
	static String placeAndDate(String place, LocalDate date) {
		String month = (date.getMonthValue() <= 2) ? String.format("%02d", date.getMonthValue())
				: String.valueOf(date.getMonthValue());
		return String.format("%s, ngày %02d tháng %s năm %d", place.strip(), date.getDayOfMonth(), month,
				date.getYear());
	}

	/**
	 * How a letter addresses all units of a type in its "Kính gửi" ("Các trường Trung học
	 * phổ thông"): the document's own wording, Vietnamese whatever the reader's language.
	 */
	static String addresseesOfType(String unitType) {
		return switch (unitType) {
			case "DEPARTMENT" -> "Các Sở Giáo dục và Đào tạo";
			case "DEPARTMENT_DIVISION" -> "Các phòng chuyên môn thuộc Sở";
			case "DISTRICT_OFFICE" -> "Phòng Giáo dục và Đào tạo các huyện, thành phố";
			case "COMMUNE_OFFICE" -> "Phòng Văn hóa - Xã hội các xã, phường";
			case "KINDERGARTEN" -> "Các trường Mầm non";
			case "PRIMARY" -> "Các trường Tiểu học";
			case "LOWER_SECONDARY" -> "Các trường Trung học cơ sở";
			case "UPPER_SECONDARY" -> "Các trường Trung học phổ thông";
			case "MULTI_LEVEL" -> "Các trường liên cấp";
			case "CONTINUING_EDUCATION" -> "Các Trung tâm GDNN-GDTX";
			case "SPECIALISED" -> "Các trường chuyên biệt";
			default -> "Các đơn vị khác";
		};
	}

}
