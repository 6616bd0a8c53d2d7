package vn.edu.portal.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Holds the temporary passwords of an import for one download, in this instance's memory
 * only (never in the database or the session store), for a quarter of an hour at most,
 * for the administrator who ran the import.
 */
@Component
class CredentialsVault {

	static final Duration LIFETIME = Duration.ofMinutes(15);

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	CredentialsVault(Clock clock) {
		this.clock = clock;
	}

	/** Keeps the list and answers the token to take it back with. */
	String put(long administratorId, List<AccountImport.Credential> credentials) {
		Instant now = this.clock.instant();
		this.entries.values().removeIf((entry) -> entry.expires().isBefore(now));
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		this.entries.put(token, new Entry(administratorId, List.copyOf(credentials), now.plus(LIFETIME)));
		return token;
	}

	/** The list, once, to the administrator who put it there, while it lasts. */
	Optional<List<AccountImport.Credential>> take(long administratorId, String token) {
		Entry entry = (token != null) ? this.entries.remove(token) : null;
		if (entry == null || entry.administratorId() != administratorId
				|| entry.expires().isBefore(this.clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(entry.credentials());
	}

	private record Entry(long administratorId, List<AccountImport.Credential> credentials, Instant expires) {
	}

}
