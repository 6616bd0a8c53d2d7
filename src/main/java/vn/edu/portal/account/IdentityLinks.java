package vn.edu.portal.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which portal account an identity of the provider is: the one its link claim names
 * (username or e-mail address, exactly one account), remembered by issuer and subject at
 * the first sign-on. No account is ever created here.
 */
@Component
class IdentityLinks {

	private final JdbcClient jdbc;

	private final OidcProperties oidc;

	IdentityLinks(JdbcClient jdbc, OidcProperties oidc) {
		this.jdbc = jdbc;
		this.oidc = oidc;
	}

	/** The username of the account an identity is linked to, if any. */
	Optional<String> accountOf(String issuer, String subject, String claimValue) {
		Optional<String> linked = this.jdbc.sql("""
				select a.username from account_identity i join account a on a.id = i.account_id
				where i.issuer = ? and i.subject = ?
				""").params(issuer, subject).query(String.class).optional();
		if (linked.isPresent() || claimValue == null || claimValue.isBlank()) {
			return linked;
		}
		String value = claimValue.strip().toLowerCase(Locale.ROOT);
		List<String> named = "email".equals(this.oidc.linkClaim())
				? this.jdbc.sql("select username from account where lower(email) = ? limit 2")
					.param(value)
					.query(String.class)
					.list()
				: this.jdbc.sql("select username from account where username = ?")
					.param(value)
					.query(String.class)
					.list();
		return (named.size() == 1) ? Optional.of(named.get(0)) : Optional.empty();
	}

	/**
	 * Records the link at a sign-on (once), and when it was last used.
	 * @return whether the link is new
	 */
	@Transactional
	boolean signedOn(long accountId, String issuer, String subject, Instant now) {
		return this.jdbc.sql("""
				insert into account_identity (account_id, issuer, subject, linked_at, last_login_at)
				values (:account, :issuer, :subject, :now, :now)
				on conflict (issuer, subject) do update set last_login_at = excluded.last_login_at
				returning (xmax = 0)
				""")
			.param("account", accountId)
			.param("issuer", issuer)
			.param("subject", subject)
			.param("now", Timestamp.from(now))
			.query(Boolean.class)
			.single();
	}

	boolean hasIdentity(String username) {
		return this.jdbc.sql("""
				select exists (select 1 from account_identity i join account a on a.id = i.account_id
				               where a.username = ?)
				""").param(username).query(Boolean.class).single();
	}

}
