package vn.edu.portal.organisation;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.edu.portal.system.DayMonthYear;
import vn.edu.portal.system.Formats;

/**
 * The unit form (create and edit; moving is a change of parent code).
 *
 * @param code the unique code: letters, digits, dot, dash, underscore
 * @param name the full name
 * @param shortName the short name
 * @param type the unit type
 * @param ownership công lập, dân lập, tư thục
 * @param parentCode the code of the unit above, empty for a top unit
 * @param email the unit's e-mail
 * @param phone the unit's phone
 * @param validFrom the day the unit opened
 * @param agencyCode the electronic identifier code (mã định danh điện tử)
 * @param version the version edited, against lost updates
 */
record UnitForm(@NotBlank @Pattern(regexp = UnitForm.CODE) @Size(max = 40) String code,
		@NotBlank @Size(max = 255) String name, @Size(max = 120) String shortName, @NotNull UnitType type,
		Ownership ownership, @Size(max = 40) String parentCode, @Email @Size(max = 254) String email,
		@Pattern(regexp = UnitForm.PHONE) @Size(max = 30) String phone, @NotBlank @DayMonthYear String validFrom,
		@Pattern(regexp = UnitForm.AGENCY_CODE) String agencyCode, Long version) {

	static final String CODE = "^[A-Za-z0-9._-]+$";

	static final String PHONE = "^[0-9 +().-]*$";

	/** An identifier code, or nothing; spaces around it and lower case are forgiven. */
	static final String AGENCY_CODE = "^\\s*([0-9A-Za-z.]{1,35})?\\s*$";

	static UnitForm blank(String parentCode, LocalDate today) {
		return new UnitForm("", "", "", null, null, parentCode, "", "", Formats.dayMonthYear(today), "", null);
	}

	static UnitForm of(Unit unit, String parentCode) {
		UnitDetails details = unit.details();
		return new UnitForm(details.code(), details.name(), details.shortName(), details.type(), details.ownership(),
				parentCode, details.email(), details.phone(), Formats.dayMonthYear(details.validFrom()),
				details.agencyCode(), unit.getVersion());
	}

	UnitDetails details() {
		return new UnitDetails(this.code.strip(), this.name.strip(), blankToNull(this.shortName), this.type,
				this.ownership, blankToNull(this.email), blankToNull(this.phone),
				Formats.parseDayMonthYear(this.validFrom), agencyCode(this.agencyCode));
	}

	/** An identifier code as stored: trimmed, upper case, {@code null} when blank. */
	static String agencyCode(String value) {
		String code = blankToNull(value);
		return (code != null) ? code.toUpperCase(java.util.Locale.ROOT) : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
