package vn.edu.portal.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The options of a passkey registration under way. Spring Security keeps them in the
 * session, but they are not serializable and the portal's sessions live in PostgreSQL:
 * here the session holds only a random key, the options stay in this instance's memory
 * for five minutes at most (a registration is a few seconds of one browser on one
 * instance; behind several instances, sessions must be sticky during it).
 */
final class PendingPasskeyRegistrations implements PublicKeyCredentialCreationOptionsRepository {

	static final String KEY = PendingPasskeyRegistrations.class.getName() + ".KEY";

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final Clock clock;

	PendingPasskeyRegistrations(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			@Nullable PublicKeyCredentialCreationOptions options) {
		Instant now = this.clock.instant();
		this.pending.values().removeIf((entry) -> entry.expires().isBefore(now));
		HttpSession session = request.getSession();
		Object previous = session.getAttribute(KEY);
		if (previous instanceof String key) {
			this.pending.remove(key);
		}
		if (options == null) {
			session.removeAttribute(KEY);
			return;
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String key = HexFormat.of().formatHex(bytes);
		this.pending.put(key, new Pending(options, now.plus(LIFETIME)));
		session.setAttribute(KEY, key);
	}

	@Override
	public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(KEY) instanceof String key)) {
			return null;
		}
		Pending entry = this.pending.get(key);
		if (entry == null || entry.expires().isBefore(this.clock.instant())) {
			return null;
		}
		return entry.options();
	}

	private record Pending(PublicKeyCredentialCreationOptions options, Instant expires) {
	}

}
