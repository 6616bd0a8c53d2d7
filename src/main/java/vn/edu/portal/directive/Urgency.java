package vn.edu.portal.directive;

/**
 * How fast a directive must be handled (Decree 30: KHẨN, THƯỢNG KHẨN, HỎA TỐC); hỏa tốc
 * deadlines count hours.
 */
public enum Urgency {

	NORMAL(""), URGENT("KHẨN"), VERY_URGENT("THƯỢNG KHẨN"), FLASH("HỎA TỐC");

	private final String mark;

	Urgency(String mark) {
		this.mark = mark;
	}

	/** The mark printed under the number, empty for a normal document. */
	String mark() {
		return this.mark;
	}

	public boolean isUrgent() {
		return this != NORMAL;
	}

}
