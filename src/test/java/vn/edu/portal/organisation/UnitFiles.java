package vn.edu.portal.organisation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Generated import files: a province of a given size, in the import's columns. */
final class UnitFiles {

	static final String HEADER = "code,name,short_name,type,parent_code,ownership,email,phone,valid_from";

	private static final String[] SCHOOL_TYPES = { "KINDERGARTEN", "PRIMARY", "LOWER_SECONDARY" };

	private static final String[] SCHOOL_NAMES = { "Trường Mầm non", "Trường Tiểu học", "Trường THCS" };

	private UnitFiles() {
	}

	/**
	 * A department, 1 of every 50 units a commune office below it, the rest schools below
	 * the offices; Vietnamese names with diacritics.
	 */
	static List<String> province(String prefix, int units) {
		List<String> lines = new ArrayList<>();
		lines.add(HEADER);
		lines.add(prefix + ",Sở Giáo dục và Đào tạo " + prefix + ",Sở GD&ĐT " + prefix + ",DEPARTMENT,,," + "so@"
				+ prefix.toLowerCase() + ".edu.vn,0270 3822 420,2025-07-01");
		int offices = Math.max(1, (units - 1) / 50);
		for (int office = 1; office <= offices; office++) {
			lines.add(prefix + "-X" + office + ",Phòng Văn hóa - Xã hội xã Số " + office + ",,COMMUNE_OFFICE," + prefix
					+ ",,,,2025-07-01");
		}
		for (int school = 1; lines.size() <= units; school++) {
			int kind = school % 3;
			lines.add(prefix + "-S" + school + "," + SCHOOL_NAMES[kind] + " Đồng Khởi " + school + ",,"
					+ SCHOOL_TYPES[kind] + "," + prefix + "-X" + (1 + school % offices) + ",PUBLIC,,0270 38"
					+ String.format("%05d", school) + ",01/09/2010");
		}
		return lines;
	}

	static byte[] csv(List<String> lines) {
		return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

}
