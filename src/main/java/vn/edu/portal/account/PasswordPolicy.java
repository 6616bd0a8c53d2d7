package vn.edu.portal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password rules: 8 to 128 characters, not on the list of common passwords shipped
 * with the portal, not the username. Answers message keys, so that forms show the reason
 * in the user's language.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 128;

	private static final String COMMON_PASSWORDS = "security/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource(COMMON_PASSWORDS).getInputStream(), StandardCharsets.UTF_8))) {
			this.common = reader.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty())
				.map((line) -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The message keys of the rules this password breaks; empty when it is acceptable.
	 */
	List<String> violations(String username, String password) {
		List<String> violations = new ArrayList<>();
		int length = (password != null) ? password.codePointCount(0, password.length()) : 0;
		if (length < MIN_LENGTH) {
			violations.add("password.policy.tooShort");
		}
		else if (length > MAX_LENGTH) {
			violations.add("password.policy.tooLong");
		}
		else if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			violations.add("password.policy.common");
		}
		if (password != null && username != null && password.strip().equalsIgnoreCase(username.strip())) {
			violations.add("password.policy.sameAsUsername");
		}
		return violations;
	}

	int commonPasswordCount() {
		return this.common.size();
	}

}
