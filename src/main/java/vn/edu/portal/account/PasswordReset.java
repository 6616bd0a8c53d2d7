package vn.edu.portal.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.Sha256;

/**
 * Account recovery by e-mail, without an administrator: a link that works once, for 30
 * minutes. Asking for one answers the same whether the account exists or not, and the
 * e-mail is sent in the background so that the answer also takes the same time. Off while
 * the portal has no mail server.
 */
@Service
class PasswordReset {

	static final Duration LIFETIME = Duration.ofMinutes(30);

	/** Links an account may be sent within an hour (no mailbox flooded by strangers). */
	static final int PER_HOUR = 3;

	private static final Log logger = LogFactory.getLog(PasswordReset.class);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final ResetMailSettings settings;

	private final MessageSource messages;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AccountRepository accounts;

	private final AccountSessions sessions;

	private final AuditLog audit;

	private final Executor executor;

	private final Clock clock;

	PasswordReset(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, ResetMailSettings settings,
			MessageSource messages, PasswordPolicy policy, PasswordEncoder encoder, AccountRepository accounts,
			AccountSessions sessions, AuditLog audit, Executor applicationTaskExecutor, Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.settings = settings;
		this.messages = messages;
		this.policy = policy;
		this.encoder = encoder;
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
		this.executor = applicationTaskExecutor;
		this.clock = clock;
	}

	boolean enabled() {
		return this.mail.getIfAvailable() != null;
	}

	/**
	 * Sends a link to the account named (by username or e-mail address) if it exists, is
	 * enabled, has an e-mail address and has not had too many links this hour; otherwise
	 * does nothing, silently.
	 */
	@Transactional
	void request(String usernameOrEmail) {
		JavaMailSender sender = this.mail.getIfAvailable();
		String name = (usernameOrEmail != null) ? usernameOrEmail.strip().toLowerCase(Locale.ROOT) : "";
		if (sender == null || name.isEmpty() || name.length() > 254) {
			return;
		}
		record Recipient(long id, String username, String email, String fullName, String language) {
		}
		List<Recipient> found = this.jdbc.sql("""
				select id, username, email, full_name, language from account
				where enabled and email is not null and email <> '' and (username = :name or lower(email) = :name)
				limit 2
				""")
			.param("name", name)
			.query((rs, row) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		if (found.size() != 1) {
			return;
		}
		Recipient recipient = found.get(0);
		Instant now = this.clock.instant();
		int recent = this.jdbc.sql("select count(*) from password_reset_token where account_id = ? and created_at > ?")
			.params(recipient.id(), Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		if (recent >= PER_HOUR) {
			return;
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into password_reset_token (account_id, token_hash, created_at, expires_at)
				values (?, ?, ?, ?)
				""")
			.params(recipient.id(), Sha256.hex(token), Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
			.update();
		this.audit.recordFor(recipient.username(), null, "PASSWORD_RESET_REQUESTED", Map.of());
		Locale locale = Locale.forLanguageTag(recipient.language());
		String link = this.settings.link("/login/reset/" + token);
		String subject = this.messages.getMessage("reset.mail.subject", null, locale);
		String body = this.messages.getMessage("reset.mail.body",
				new Object[] { recipient.fullName(), link, LIFETIME.toMinutes() }, locale);
		this.executor.execute(() -> send(sender, recipient.email(), subject, body));
	}

	/** The account a link is for, if the link is unused and not expired. */
	Optional<Long> accountOf(String token) {
		return this.jdbc.sql("""
				select account_id from password_reset_token
				where token_hash = ? and used_at is null and expires_at > ?
				""").params(Sha256.hex(token), Timestamp.from(this.clock.instant())).query(Long.class).optional();
	}

	/**
	 * Sets the new password through a link, which is then used up, and ends every session
	 * of the account.
	 * @return the problems of the new password by field; empty once it is set. A link
	 * that is no longer valid is answered by {@link ResetLinkInvalidException}.
	 */
	@Transactional
	Map<String, List<String>> reset(String token, String newPassword) {
		Instant now = this.clock.instant();
		Long accountId = this.jdbc.sql("""
				select account_id from password_reset_token
				where token_hash = ? and used_at is null and expires_at > ? for update
				""")
			.params(Sha256.hex(token), Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElseThrow(ResetLinkInvalidException::new);
		Account account = this.accounts.findById(accountId).orElseThrow(ResetLinkInvalidException::new);
		List<String> violations = this.policy.violations(account.getUsername(), newPassword);
		if (!violations.isEmpty()) {
			return Map.of("newPassword", violations);
		}
		this.jdbc.sql("update password_reset_token set used_at = ? where account_id = ? and used_at is null")
			.params(Timestamp.from(now), accountId)
			.update();
		account.changePassword(this.encoder.encode(newPassword), now);
		this.sessions.endAll(account.getUsername());
		this.audit.recordFor(account.getUsername(), account.getUnitId(), "PASSWORD_RESET_BY_EMAIL", Map.of());
		return Map.of();
	}

	private void send(JavaMailSender sender, String to, String subject, String body) {
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(this.settings.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(body, false);
			sender.send(message);
		}
		catch (MessagingException | RuntimeException ex) {
			logger.warn("A password reset e-mail could not be sent: " + ex.getMessage());
		}
	}

	/** A reset link that is used, expired or never existed. */
	static class ResetLinkInvalidException extends RuntimeException {

		ResetLinkInvalidException() {
			super("the reset link is no longer valid");
		}

	}

}
