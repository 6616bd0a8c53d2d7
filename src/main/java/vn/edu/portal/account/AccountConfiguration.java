package vn.edu.portal.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	/**
	 * The hash of passwords people chose: PBKDF2-HMAC-SHA256, 310,000 iterations, from
	 * the JDK.
	 */
	static final String CHOSEN = "pbkdf2@SpringSecurity_v5_8";

	/**
	 * The hash of generated temporary passwords: 16 random characters (about 93 bits)
	 * cannot be guessed however fast the hash, and they are replaced at the first login,
	 * so fewer iterations let an import create thousands of accounts in seconds.
	 */
	static final String TEMPORARY = "pbkdf2-temporary";

	private static final int TEMPORARY_ITERATIONS = 5_000;

	/**
	 * PBKDF2 for new hashes (BCrypt would silently ignore everything after 72 bytes,
	 * which a Vietnamese passphrase reaches quickly), behind the delegating encoder so
	 * that the algorithm can change later and older hashes still match.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(CHOSEN, encoders());
	}

	static Map<String, PasswordEncoder> encoders() {
		return Map.of(CHOSEN, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(), TEMPORARY,
				new Pbkdf2PasswordEncoder("", 16, TEMPORARY_ITERATIONS, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256),
				"bcrypt", new BCryptPasswordEncoder());
	}

}
