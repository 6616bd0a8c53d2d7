package vn.edu.portal.account;

import jakarta.validation.constraints.NotBlank;

/**
 * The new password chosen through a reset link.
 *
 * @param newPassword the new password
 * @param confirmation the new password typed again
 */
record PasswordResetForm(@NotBlank String newPassword, @NotBlank String confirmation) {

	static PasswordResetForm empty() {
		return new PasswordResetForm("", "");
	}

	boolean confirmed() {
		return this.newPassword != null && this.newPassword.equals(this.confirmation);
	}

}
