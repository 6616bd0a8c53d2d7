package vn.edu.portal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of one account as its owner sees them: where each signed in
 * from, when it was last seen, which is this one. A page never carries a session's id (it
 * is a credential); each session is named by a short hash of it instead.
 */
@Component
class SessionDevices {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionDevices(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** The account's sessions, the most recently seen first. */
	List<SessionView> of(String username, String currentSessionId) {
		return this.sessions.findByPrincipalName(username)
			.values()
			.stream()
			.filter((session) -> !session.isExpired())
			.map((session) -> view(session, currentSessionId))
			.sorted(Comparator.comparing(SessionView::current)
				.reversed()
				.thenComparing(SessionView::lastSeen, Comparator.reverseOrder()))
			.toList();
	}

	/**
	 * Ends one session of the account.
	 * @return whether the account had that session
	 */
	boolean end(String username, String handle) {
		Optional<String> id = this.sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter((sessionId) -> handleOf(sessionId).equals(handle))
			.findFirst();
		id.ifPresent(this.sessions::deleteById);
		return id.isPresent();
	}

	static String handleOf(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A short description of a browser ("Chrome, Windows") from its User-Agent. */
	static String browserOf(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "?";
		}
		String browser = first(userAgent, Map.entry("Edg/", "Edge"), Map.entry("OPR/", "Opera"),
				Map.entry("Firefox/", "Firefox"), Map.entry("Chrome/", "Chrome"), Map.entry("Chromium/", "Chromium"),
				Map.entry("Safari/", "Safari"));
		String system = first(userAgent, Map.entry("Android", "Android"), Map.entry("iPhone", "iOS"),
				Map.entry("iPad", "iPadOS"), Map.entry("Windows", "Windows"), Map.entry("Mac OS X", "macOS"),
				Map.entry("CrOS", "ChromeOS"), Map.entry("Linux", "Linux"));
		if (browser == null && system == null) {
			return (userAgent.length() <= 60) ? userAgent : userAgent.substring(0, 60) + "…";
		}
		return (browser != null ? browser : "?") + ((system != null) ? ", " + system : "");
	}

	@SafeVarargs
	private static String first(String userAgent, Map.Entry<String, String>... marks) {
		for (Map.Entry<String, String> mark : marks) {
			if (userAgent.contains(mark.getKey())) {
				return mark.getValue();
			}
		}
		return null;
	}

	private static SessionView view(Session session, String currentSessionId) {
		SessionDevice device = session.getAttribute(SessionDevice.ATTRIBUTE);
		return new SessionView(handleOf(session.getId()), (device != null) ? browserOf(device.userAgent()) : "?",
				(device != null) ? device.address() : "?", (device != null) ? device.signedInAt() : null,
				session.getLastAccessedTime(), session.getId().equals(currentSessionId));
	}

	/**
	 * One session as its owner sees it.
	 *
	 * @param handle the name of the session in forms
	 * @param browser the browser, in short
	 * @param address the address it signed in from
	 * @param signedInAt when it signed in, if known
	 * @param lastSeen when it was last used
	 * @param current whether it is the session looking at the list
	 */
	record SessionView(String handle, String browser, String address, Instant signedInAt, Instant lastSeen,
			boolean current) {
	}

}
