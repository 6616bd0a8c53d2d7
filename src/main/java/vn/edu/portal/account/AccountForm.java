package vn.edu.portal.account;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The account form of the administration pages.
 *
 * @param username the login name (fixed once created)
 * @param fullName the person's name
 * @param email the e-mail address
 * @param phone the phone number
 * @param unitCode the code of the account's unit (empty only for a system administrator)
 * @param roles the roles
 * @param version the version edited, against lost updates
 */
record AccountForm(@NotBlank @Pattern(regexp = AccountForm.USERNAME) @Size(min = 3, max = 64) String username,
		@NotBlank @Size(max = 200) String fullName, @Email @Size(max = 254) String email,
		@Pattern(regexp = "^[0-9 +().-]*$") @Size(max = 30) String phone, @Size(max = 40) String unitCode,
		@NotEmpty Set<Role> roles, Long version) {

	static final String USERNAME = "^[A-Za-z0-9._-]+$";

	static AccountForm blank(String unitCode) {
		return new AccountForm("", "", "", "", unitCode, EnumSet.noneOf(Role.class), null);
	}

	static AccountForm of(Account account, String unitCode) {
		return new AccountForm(account.getUsername(), account.getFullName(), account.getEmail(), account.getPhone(),
				unitCode, EnumSet.copyOf(account.getRoles()), account.getVersion());
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
