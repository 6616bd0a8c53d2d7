package vn.edu.portal.account;

import java.security.SecureRandom;

import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Generates temporary passwords (first login, reset, import) and hashes them. */
@Component
class TemporaryPasswords {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final int LENGTH = 16;

	private final SecureRandom random = new SecureRandom();

	private final PasswordEncoder encoder = new DelegatingPasswordEncoder(AccountConfiguration.TEMPORARY,
			AccountConfiguration.encoders());

	String generate() {
		StringBuilder password = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	String hash(String temporary) {
		return this.encoder.encode(temporary);
	}

}
