package vn.edu.portal.account;

import jakarta.validation.constraints.NotBlank;

/**
 * The password change form.
 *
 * @param currentPassword the password in use now
 * @param newPassword the new password
 * @param confirmation the new password typed again
 */
record PasswordChangeForm(@NotBlank String currentPassword, @NotBlank String newPassword,
		@NotBlank String confirmation) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

	boolean confirmed() {
		return this.newPassword != null && this.newPassword.equals(this.confirmation);
	}

}
