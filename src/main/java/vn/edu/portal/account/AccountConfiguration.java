package vn.edu.portal.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	/** The hash of passwords people chose. */
	static final String CHOSEN = "argon2";

	/**
	 * The hash of generated temporary passwords: 16 random characters (about 93 bits)
	 * cannot be guessed however fast the hash, and they are replaced at the first login,
	 * so a light Argon2id (1 MiB, one pass) lets an import create thousands of accounts
	 * in seconds.
	 */
	static final String TEMPORARY = "argon2-temporary";

	/**
	 * Argon2id for new hashes (BCrypt silently stops at 72 bytes, which a Vietnamese
	 * passphrase reaches quickly), behind the delegating encoder so that the algorithm
	 * can change later and older hashes still match.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(CHOSEN, encoders());
	}

	static Map<String, PasswordEncoder> encoders() {
		return Map.of(CHOSEN, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), TEMPORARY,
				new Argon2PasswordEncoder(16, 32, 1, 1 << 10, 1), "bcrypt", new BCryptPasswordEncoder());
	}

}
