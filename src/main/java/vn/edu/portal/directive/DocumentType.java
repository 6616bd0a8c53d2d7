package vn.edu.portal.directive;

/**
 * The kinds of document the portal issues, with their names and abbreviations (Decree 30,
 * Appendix III). A công văn has no abbreviation: its subject is shown as "V/v ...".
 */
enum DocumentType {

	CONG_VAN("Công văn", ""), KE_HOACH("Kế hoạch", "KH"), CHI_THI("Chỉ thị", "CT"), THONG_BAO("Thông báo", "TB"),
	HUONG_DAN("Hướng dẫn", "HD"), QUYET_DINH("Quyết định", "QĐ"), BAO_CAO("Báo cáo", "BC"),
	CHUONG_TRINH("Chương trình", "CTr"), GIAY_MOI("Giấy mời", "GM");

	private final String vietnameseName;

	private final String abbreviation;

	DocumentType(String vietnameseName, String abbreviation) {
		this.vietnameseName = vietnameseName;
		this.abbreviation = abbreviation;
	}

	String vietnameseName() {
		return this.vietnameseName;
	}

	String abbreviation() {
		return this.abbreviation;
	}

}
