package vn.edu.portal.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.edu.portal.system.Sha256;

/**
 * The browsers and addresses an account signed in from. A browser is known by a
 * long-lived random cookie (one per browser, whichever accounts sign in on it) whose
 * SHA-256 alone is stored; the login protections let known browsers and addresses through
 * where they slow everyone else.
 */
@Component
class KnownDevices {

	static final String COOKIE = "PORTALDEVICE";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final int MAX_USER_AGENT = 500;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final LoginProperties policy;

	KnownDevices(JdbcClient jdbc, LoginProperties policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/** The hash of the browser's device cookie, or {@code null} without a valid one. */
	static String hashOf(HttpServletRequest request) {
		String token = tokenOf(request);
		return (token != null) ? Sha256.hex(token) : null;
	}

	/**
	 * Remembers the browser and address of a successful sign-in, and gives the browser
	 * its cookie (again, so that it lives a year from the last sign-in).
	 * @return whether the browser is new to an account that had signed in before
	 */
	boolean remember(long accountId, HttpServletRequest request, HttpServletResponse response, Instant now) {
		String token = tokenOf(request);
		if (token == null) {
			token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
		}
		forgetOld(now);
		boolean signedInBefore = this.jdbc.sql("select exists (select 1 from account_device where account_id = ?)")
			.param(accountId)
			.query(Boolean.class)
			.single();
		boolean inserted = this.jdbc
			.sql("""
					insert into account_device (account_id, token_hash, first_seen_at, last_seen_at, last_address, user_agent)
					values (:account, :hash, :now, :now, :address, :agent)
					on conflict (account_id, token_hash)
					do update set last_seen_at = excluded.last_seen_at, last_address = excluded.last_address,
					              user_agent = excluded.user_agent
					returning (xmax = 0)
					""")
			.param("account", accountId)
			.param("hash", Sha256.hex(token))
			.param("now", Timestamp.from(now))
			.param("address", request.getRemoteAddr())
			.param("agent", userAgent(request))
			.query(Boolean.class)
			.single();
		this.jdbc.sql("""
				insert into account_known_address (account_id, address, last_seen_at) values (:account, :address, :now)
				on conflict (account_id, address) do update set last_seen_at = excluded.last_seen_at
				""")
			.param("account", accountId)
			.param("address", request.getRemoteAddr())
			.param("now", Timestamp.from(now))
			.update();
		response.addHeader("Set-Cookie", cookie(token, this.policy.deviceLifetime(), request.isSecure()).toString());
		return inserted && signedInBefore;
	}

	/** Forgets the browsers and addresses that have not signed in for their lifetime. */
	private void forgetOld(Instant now) {
		this.jdbc.sql("delete from account_device where last_seen_at < ?")
			.param(Timestamp.from(now.minus(this.policy.deviceLifetime())))
			.update();
		this.jdbc.sql("delete from account_known_address where last_seen_at < ?")
			.param(Timestamp.from(now.minus(this.policy.addressLifetime())))
			.update();
	}

	static String userAgent(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return (agent == null || agent.length() <= MAX_USER_AGENT) ? agent : agent.substring(0, MAX_USER_AGENT);
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static ResponseCookie cookie(String token, Duration lifetime, boolean secure) {
		return ResponseCookie.from(COOKIE, token)
			.path("/")
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.maxAge(lifetime)
			.build();
	}

	private static String tokenOf(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null
					&& TOKEN.matcher(cookie.getValue()).matches()) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
