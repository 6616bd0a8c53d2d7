package vn.edu.portal.api;

import java.util.Arrays;
import java.util.Optional;

import vn.edu.portal.account.Permission;

/** What a token may do, each within a permission of its owner. */
enum ApiScope {

	DIRECTIVES_READ("directives:read", Permission.READ_DIRECTIVES),
	INBOX_READ("inbox:read", Permission.READ_DIRECTIVES), INBOX_WRITE("inbox:write", Permission.ACT_FOR_UNIT),
	UNITS_READ("units:read", Permission.READ_DIRECTIVES), DASHBOARD_READ("dashboard:read", Permission.SEE_DASHBOARD),
	REPORTS_READ("reports:read", Permission.READ_DIRECTIVES), REPORTS_WRITE("reports:write", Permission.ACT_FOR_UNIT),
	INCIDENTS_READ("incidents:read", Permission.READ_INCIDENTS),
	INCIDENTS_WRITE("incidents:write", Permission.DRAFT_FOR_UNIT);

	final String value;

	final Permission permission;

	ApiScope(String value, Permission permission) {
		this.value = value;
		this.permission = permission;
	}

	/** The authority Spring Security checks: {@code SCOPE_directives:read}. */
	String authority() {
		return "SCOPE_" + this.value;
	}

	static Optional<ApiScope> of(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

}
