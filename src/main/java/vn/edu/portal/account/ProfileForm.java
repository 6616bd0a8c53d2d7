package vn.edu.portal.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What every user keeps up to date about themselves.
 *
 * @param email the e-mail address
 * @param phone the phone number
 * @param language "vi" or "en"
 */
record ProfileForm(@Email @Size(max = 254) String email,
		@Pattern(regexp = "^[0-9 +().-]*$") @Size(max = 30) String phone,
		@NotBlank @Pattern(regexp = "^(vi|en)$") String language) {
}
