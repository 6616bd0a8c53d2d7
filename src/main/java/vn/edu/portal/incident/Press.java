package vn.edu.portal.incident;

/** Whether the press is involved (message keys {@code incident.press.*}). */
public enum Press {

	NONE, ASKED, PUBLISHED

}
