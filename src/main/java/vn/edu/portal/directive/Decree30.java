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
		return String.format("%02d/%s", number, symbol);
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

}
