package vn.edu.portal.directive;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Boxes 3 and 4 of Decree 30, checked against the sample letter 340/SGD&ĐT-CTTT of 2020.
 */
class Decree30Tests {

	@Test
	void theSampleLetterIsWrittenAsTheOriginal() {
		String symbol = Decree30.symbol(DocumentType.CONG_VAN, "SGD&ĐT", "CTTT");

		assertThat(Decree30.numberAndSymbol(340, symbol)).isEqualTo("340/SGD&ĐT-CTTT");
		assertThat(Decree30.placeAndDate("Bến Tre", LocalDate.of(2020, 2, 25)))
			.isEqualTo("Bến Tre, ngày 25 tháng 02 năm 2020");
	}

	@Test
	void otherTypesStartTheirSymbolWithTheTypeAbbreviation() {
		assertThat(Decree30.symbol(DocumentType.KE_HOACH, "SGD&ĐT", "")).isEqualTo("KH-SGD&ĐT");
		assertThat(Decree30.symbol(DocumentType.CHUONG_TRINH, " SGDĐT ", "GDTrH")).isEqualTo("CTr-SGDĐT-GDTrH");
		assertThat(Decree30.symbol(DocumentType.QUYET_DINH, "SGDĐT", null)).isEqualTo("QĐ-SGDĐT");
	}

	@Test
	void typesCarryTheirNamesAndAbbreviationsOfAppendixThree() {
		assertThat(DocumentType.CONG_VAN.vietnameseName()).isEqualTo("Công văn");
		assertThat(DocumentType.CONG_VAN.abbreviation()).isEmpty();
		assertThat(DocumentType.HUONG_DAN.vietnameseName()).isEqualTo("Hướng dẫn");
		assertThat(DocumentType.HUONG_DAN.abbreviation()).isEqualTo("HD");
		assertThat(DocumentType.GIAY_MOI.abbreviation()).isEqualTo("GM");
	}

	@Test
	void numbersBelowTenGetALeadingZero() {
		assertThat(Decree30.numberAndSymbol(5, "KH-SGD&ĐT")).isEqualTo("05/KH-SGD&ĐT");
		assertThat(Decree30.numberAndSymbol(10, "KH-SGD&ĐT")).isEqualTo("10/KH-SGD&ĐT");
		assertThatIllegalArgumentException().isThrownBy(() -> Decree30.numberAndSymbol(0, "KH-SGD&ĐT"));
	}

	@Test
	void daysBelowTenAndTheFirstTwoMonthsGetALeadingZero() {
		assertThat(Decree30.placeAndDate("Vĩnh Long", LocalDate.of(2025, 7, 1)))
			.isEqualTo("Vĩnh Long, ngày 01 tháng 7 năm 2025");
		assertThat(Decree30.placeAndDate("Bến Tre", LocalDate.of(2020, 1, 9)))
			.isEqualTo("Bến Tre, ngày 09 tháng 01 năm 2020");
		assertThat(Decree30.placeAndDate("Bến Tre", LocalDate.of(2020, 12, 31)))
			.isEqualTo("Bến Tre, ngày 31 tháng 12 năm 2020");
	}

}
