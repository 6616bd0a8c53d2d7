package vn.edu.portal;

/** The accounts every test context has: the first administrator and the demo accounts. */
public final class TestAccounts {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "Quan-tri-thu-nghiem-2026";

	public static final String DEMO_PASSWORD = "Demo-BenTre-2026";

	public static final String DEPARTMENT_LEADER = "sgd.lanhdao";

	public static final String DEPARTMENT_OFFICER = "sgd.chuyenvien";

	public static final String SCHOOL_LEADER = "thcs.giongtrom";

	public static final String SCHOOL_STAFF = "thpt.chuyenbentre.gv";

	private TestAccounts() {
	}

}
