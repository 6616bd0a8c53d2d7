package vn.edu.portal.organisation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What describes a unit, as entered in a form or an import row (already checked).
 *
 * @param code the unique code
 * @param name the full name
 * @param shortName the short name, or {@code null}
 * @param type the unit type
 * @param ownership công lập, dân lập or tư thục, or {@code null} for offices
 * @param email the unit's e-mail, or {@code null}
 * @param phone the unit's phone, or {@code null}
 * @param validFrom the day the unit opened
 * @param agencyCode the electronic identifier code (mã định danh điện tử), or
 * {@code null}
 */
record UnitDetails(String code, String name, String shortName, UnitType type, Ownership ownership, String email,
		String phone, LocalDate validFrom, String agencyCode) {

	/**
	 * An electronic identifier code (Decision 20/2020/QĐ-TTg): up to 35 characters of
	 * digits, capital letters and dots, an opaque string.
	 */
	static final String AGENCY_CODE = "^[0-9A-Z.]{1,35}$";

	/** The details as the audit trail records them (before and after a change). */
	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("code", this.code);
		snapshot.put("name", this.name);
		snapshot.put("shortName", this.shortName);
		snapshot.put("type", this.type);
		snapshot.put("ownership", this.ownership);
		snapshot.put("email", this.email);
		snapshot.put("phone", this.phone);
		snapshot.put("validFrom", String.valueOf(this.validFrom));
		snapshot.put("agencyCode", this.agencyCode);
		return snapshot;
	}

	/** The same details for the unit with this code: a unit's code never changes. */
	UnitDetails withCode(String fixedCode) {
		return new UnitDetails(fixedCode, this.name, this.shortName, this.type, this.ownership, this.email, this.phone,
				this.validFrom, this.agencyCode);
	}

}
