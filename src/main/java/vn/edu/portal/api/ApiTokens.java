package vn.edu.portal.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.Sha256;

/**
 * Personal access tokens: created by their owner (the secret shown once, kept as its
 * SHA-256), with an expiry and a subset of the owner's permissions, revocable, their last
 * use recorded.
 */
@Service
class ApiTokens {

	static final String PREFIX = "pat_";

	static final String AUDIT_TYPE = "API_TOKEN";

	/** The last use is written at most this often per token. */
	private static final Duration LAST_USED_EVERY = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final ScopePolicy scope;

	private final UserDetailsService accounts;

	private final AuditLog audit;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, ScopePolicy scope, UserDetailsService accounts, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** The scopes the user may give a token: those within their permissions. */
	List<ApiScope> offered(CurrentUser user) {
		return java.util.Arrays.stream(ApiScope.values())
			.filter((scope) -> this.scope.permits(user, scope.permission))
			.toList();
	}

	/**
	 * Creates a token.
	 * @return the secret, to show once
	 * @throws IllegalArgumentException for a scope beyond the user's permissions
	 */
	@Transactional
	String create(CurrentUser user, String name, Set<ApiScope> scopes, int days) {
		if (scopes.isEmpty() || !offered(user).containsAll(scopes)) {
			throw new IllegalArgumentException("scopes beyond the owner's permissions");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		long id = this.jdbc.sql("""
				insert into api_token (account_id, name, token_hash, prefix, scopes, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(user.id(), name.strip(), hash(secret), secret.substring(0, 10),
					scopes.stream().map((scope) -> scope.value).sorted().collect(Collectors.joining(" ")),
					java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(Duration.ofDays(days))))
			.query(Long.class)
			.single();
		this.audit.record("API_TOKEN_CREATED", AUDIT_TYPE, id,
				java.util.Map.of("name", name.strip(), "scopes", scopes.toString(), "days", days));
		return secret;
	}

	List<TokenView> of(CurrentUser user) {
		return this.jdbc.sql("""
				select id, name, prefix, scopes, created_at, expires_at, revoked_at, last_used_at
				from api_token where account_id = ? order by created_at desc, id desc
				""")
			.param(user.id())
			.query((rs, i) -> new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
					rs.getString("scopes"), instant(rs, "created_at"), instant(rs, "expires_at"),
					instant(rs, "revoked_at"), instant(rs, "last_used_at")))
			.list();
	}

	/** Revokes one of the user's tokens; another's answers {@code false} (404). */
	@Transactional
	boolean revoke(CurrentUser user, long id) {
		int revoked = this.jdbc
			.sql("update api_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
			.params(java.sql.Timestamp.from(this.clock.instant()), id, user.id())
			.update();
		if (revoked == 1) {
			this.audit.record("API_TOKEN_REVOKED", AUDIT_TYPE, id, null);
		}
		return revoked == 1 || this.jdbc.sql("select exists (select 1 from api_token where id = ? and account_id = ?)")
			.params(id, user.id())
			.query(Boolean.class)
			.single();
	}

	/**
	 * The owner and scopes of a valid secret: unknown, expired and revoked tokens, and
	 * tokens of disabled or locked accounts, are nothing.
	 */
	@Transactional
	Optional<ApiPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Optional<Row> row = this.jdbc.sql("""
				select t.id, a.username, t.scopes, t.last_used_at from api_token t join account a on a.id = t.account_id
				where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?
				""")
			.param(hash(secret))
			.param(java.sql.Timestamp.from(now))
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("scopes"),
					instant(rs, "last_used_at")))
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Optional<CurrentUser> user = activeAccount(row.get().username());
		if (user.isEmpty()) {
			return Optional.empty();
		}
		if (row.get().lastUsedAt() == null || row.get().lastUsedAt().isBefore(now.minus(LAST_USED_EVERY))) {
			this.jdbc.sql("update api_token set last_used_at = ? where id = ?")
				.params(java.sql.Timestamp.from(now), row.get().id())
				.update();
		}
		Set<ApiScope> scopes = within(user.get(), java.util.Arrays.asList(row.get().scopes().split(" ")));
		return Optional.of(ApiPrincipal.ofToken(row.get().id(), user.get(), scopes));
	}

	/**
	 * A machine client of the province's identity provider, acting as the portal account
	 * of the same name (which gives it its unit and role, and which an administrator can
	 * lock), with the scopes its token carries that the account's permissions allow.
	 */
	Optional<ApiPrincipal> client(String clientId, java.util.Collection<String> scopes) {
		if (clientId == null || clientId.isBlank() || clientId.length() > 100) {
			return Optional.empty();
		}
		return activeAccount(clientId).map((user) -> ApiPrincipal.ofClient(clientId, user, within(user, scopes)));
	}

	private Optional<CurrentUser> activeAccount(String username) {
		try {
			CurrentUser user = (CurrentUser) this.accounts.loadUserByUsername(username);
			return (user.enabled() && !user.locked()) ? Optional.of(user) : Optional.empty();
		}
		catch (UsernameNotFoundException ex) {
			return Optional.empty();
		}
	}

	/** The scopes named that the user's permissions allow today. */
	private Set<ApiScope> within(CurrentUser user, java.util.Collection<String> names) {
		return names.stream()
			.map(ApiScope::of)
			.flatMap(Optional::stream)
			.filter((scope) -> this.scope.permits(user, scope.permission))
			.collect(Collectors.toSet());
	}

	static String hash(String secret) {
		return Sha256.hex(secret);
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private record Row(long id, String username, String scopes, Instant lastUsedAt) {
	}

	/**
	 * A token as its owner's page lists it.
	 *
	 * @param id its id
	 * @param name the owner's name for it
	 * @param prefix its first characters, to recognise it
	 * @param scopes its scopes, space-separated
	 * @param createdAt when it was made
	 * @param expiresAt when it expires
	 * @param revokedAt when it was revoked, or {@code null}
	 * @param lastUsedAt when it was last used, or {@code null}
	 */
	record TokenView(long id, String name, String prefix, String scopes, Instant createdAt, Instant expiresAt,
			Instant revokedAt, Instant lastUsedAt) {

		public boolean active(Instant now) {
			return this.revokedAt == null && this.expiresAt.isAfter(now);
		}

	}

}
