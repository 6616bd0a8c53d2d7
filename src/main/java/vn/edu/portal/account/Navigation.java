package vn.edu.portal.account;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the menu of every page shows to the signed-in account, decided once per page from
 * its roles: the layout reads {@code ${@navigation.current}} once instead of asking
 * Spring Security's expression support a dozen times per page (which looked the
 * expression handler up in the application context each time: the layout's largest cost).
 */
@Component("navigation")
public class Navigation {

	private static final Menu ANONYMOUS = new Menu(false, null, EnumSet.noneOf(Role.class), false);

	public Menu getCurrent() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return new Menu(true, user.fullName(), user.roles(), user.unitId() == null);
		}
		return ANONYMOUS;
	}

	/**
	 * The menu of one account.
	 *
	 * @param signedIn whether anyone is signed in
	 * @param fullName the account's name, for the sign-out button
	 * @param roles the account's roles
	 * @param wholeInstallation whether the account belongs to no unit (the installation's
	 * administrator)
	 */
	public record Menu(boolean signedIn, String fullName, Set<Role> roles, boolean wholeInstallation) {

		/** A department leader is also a department officer (the role hierarchy). */
		public boolean isDepartment() {
			return this.roles.contains(Role.DEPARTMENT_LEADER) || this.roles.contains(Role.DEPARTMENT_OFFICER);
		}

		public boolean isUnit() {
			return this.roles.contains(Role.UNIT_LEADER) || this.roles.contains(Role.UNIT_STAFF);
		}

		public boolean isAdmin() {
			return this.roles.contains(Role.SYSTEM_ADMIN);
		}

		public boolean isInbox() {
			return isDepartment() || isUnit();
		}

		public boolean isDashboard() {
			return isDepartment() || this.roles.contains(Role.UNIT_LEADER);
		}

		/** A unit's own incidents; the Department triages instead. */
		public boolean isUnitIncidents() {
			return isUnit() && !isDepartment();
		}

		public boolean isInstallationAdmin() {
			return isAdmin() && this.wholeInstallation;
		}

		public boolean isAudit() {
			return isAdmin() || this.roles.contains(Role.DEPARTMENT_LEADER);
		}

	}

}
