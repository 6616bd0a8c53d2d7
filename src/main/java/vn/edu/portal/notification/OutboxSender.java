package vn.edu.portal.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. Each e-mail is claimed (SENDING) in a statement of its own before
 * SMTP is spoken, and marked SENT right after: a failure that SMTP reports puts it back
 * with a longer wait each time (1, 2, 4... minutes, at most an hour), a refused address
 * fails it for good and is shown to the administrator, and the queue goes on.
 * <p>
 * SMTP cannot say whether a message that was being sent when the portal stopped went out.
 * Such a claim outlives its sender and becomes UNCERTAIN: it is never sent again on its
 * own (at most once), and the administrator sees it and may send it again.
 * <p>
 * When the portal stops (a rolling update, SIGTERM), the sender stops claiming: the batch
 * under way is finished and marked, nothing more is taken, and another instance sends the
 * rest. It stops among the first (the highest phase), before the scheduler and the
 * connection pool.
 */
@Component
class OutboxSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final MailRenderer renderer;

	private final NotificationProperties properties;

	private volatile boolean stopping;

	OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, MailRenderer renderer,
			NotificationProperties properties) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.renderer = renderer;
		this.properties = properties;
	}

	// The first run, too, one interval after the start: with a long interval the
	// scheduler
	// never sends in the middle of someone sending on demand (as the tests do).
	@Scheduled(fixedDelayString = "${portal.notifications.send-every:10s}",
			initialDelayString = "${portal.notifications.send-every:10s}")
	@SchedulerLock(name = "outbox-sender", lockAtMostFor = "PT10M")
	void scheduled() {
		sendDue();
	}

	/**
	 * Sends what is due, batch after batch, until nothing is.
	 * @return how many e-mails went out
	 */
	int sendDue() {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null || this.stopping) {
			return 0;
		}
		this.jdbc.sql("""
				update outbox_mail set status = 'UNCERTAIN', claimed_until = null,
				       last_error = 'INTERRUPTED'
				where status = 'SENDING' and claimed_until < now()
				""").update();
		int sent = 0;
		while (!this.stopping) {
			List<Claimed> batch = claim();
			if (batch.isEmpty()) {
				return sent;
			}
			sent += deliver(sender, batch);
		}
		return sent;
	}

	@Override
	public void start() {
		this.stopping = false;
	}

	/** No new claim from now on; the batch under way finishes. */
	@Override
	public void stop() {
		this.stopping = true;
	}

	@Override
	public boolean isRunning() {
		return !this.stopping;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	private List<Claimed> claim() {
		return this.jdbc.sql("""
				update outbox_mail o set status = 'SENDING', attempts = o.attempts + 1,
				       claimed_until = now() + make_interval(secs => :claim)
				where o.id in (select id from outbox_mail where status = 'PENDING' and next_attempt_at <= now()
				               order by next_attempt_at, id limit :batch for update skip locked)
				returning o.id, o.account_id, o.notification_id, o.digest_until, o.attempts
				""")
			.param("claim", this.properties.claimFor().toSeconds())
			.param("batch", this.properties.batchSize())
			.query((rs, i) -> new Claimed(rs.getLong("id"), rs.getLong("account_id"),
					(Long) rs.getObject("notification_id"),
					(rs.getTimestamp("digest_until") != null) ? rs.getTimestamp("digest_until").toInstant() : null,
					rs.getInt("attempts")))
			.list();
	}

	/**
	 * Sends a batch over one SMTP connection. Each e-mail that the server took is marked
	 * sent; each it did not is retried or failed on its own, so that one bad address does
	 * not hold up the others.
	 * @return how many went out
	 */
	private int deliver(JavaMailSender sender, List<Claimed> batch) {
		Map<MimeMessage, Claimed> messages = new LinkedHashMap<>();
		Map<Claimed, String> addresses = new HashMap<>();
		for (Claimed claimed : batch) {
			Recipient recipient = this.jdbc.sql("select email, full_name, language from account where id = ?")
				.param(claimed.accountId())
				.query((rs, i) -> new Recipient(rs.getString("email"), rs.getString("full_name"),
						Locale.forLanguageTag(rs.getString("language"))))
				.single();
			String address = (recipient.email() != null) ? recipient.email().strip() : "";
			addresses.put(claimed, address);
			if (!isValid(address)) {
				fail(claimed, address, Reason.INVALID_ADDRESS.with(null));
				continue;
			}
			try {
				MailRenderer.Mail mail = render(claimed, recipient);
				if (mail == null) {
					done(claimed, address);
					continue;
				}
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom(this.properties.from());
				helper.setTo(address);
				helper.setSubject(mail.subject());
				helper.setText(mail.text(), mail.html());
				message.setHeader("X-Portal-Outbox", String.valueOf(claimed.id()));
				messages.put(message, claimed);
			}
			catch (MessagingException | MailException ex) {
				retry(claimed, address, ex);
			}
		}
		if (messages.isEmpty()) {
			return 0;
		}
		Map<Object, Exception> failed = Map.of();
		Exception whole = null;
		try {
			sender.send(messages.keySet().toArray(new MimeMessage[0]));
		}
		catch (MailSendException ex) {
			failed = ex.getFailedMessages();
			whole = failed.isEmpty() ? ex : null;
		}
		catch (MailException ex) {
			whole = ex;
		}
		int sent = 0;
		for (Map.Entry<MimeMessage, Claimed> entry : messages.entrySet()) {
			Claimed claimed = entry.getValue();
			String address = addresses.get(claimed);
			Exception failure = (whole != null) ? whole : failed.get(entry.getKey());
			if (failure == null) {
				done(claimed, address);
				sent++;
			}
			else if (isRefusedAddress(failure)) {
				fail(claimed, address, Reason.REFUSED.with(message(failure)));
			}
			else {
				retry(claimed, address, failure);
			}
		}
		return sent;
	}

	private MailRenderer.Mail render(Claimed claimed, Recipient recipient) {
		if (claimed.notificationId() != null) {
			return this.jdbc.sql("select kind, args::text, link, urgent, created_at from notification where id = ?")
				.param(claimed.notificationId())
				.query((rs, i) -> this.renderer.notification(message(rs, recipient.locale()), recipient.fullName(),
						recipient.locale()))
				.optional()
				.orElse(null);
		}
		List<MailRenderer.Message> day = this.jdbc.sql("""
				select kind, args::text, link, urgent, created_at from notification
				where account_id = :account and created_at <= :until
				  and created_at > coalesce((select max(o.digest_until) from outbox_mail o
				                             where o.account_id = :account and o.digest_until < :until),
				                            cast(:until as timestamptz) - interval '1 day')
				order by created_at, id
				""")
			.param("account", claimed.accountId())
			.param("until", Timestamp.from(claimed.digestUntil()))
			.query((rs, i) -> message(rs, recipient.locale()))
			.list();
		return day.isEmpty() ? null : this.renderer.digest(day, recipient.fullName(), recipient.locale());
	}

	private MailRenderer.Message message(ResultSet rs, Locale locale) throws SQLException {
		return new MailRenderer.Message(this.renderer.title(rs.getString("kind"), rs.getString("args"), locale),
				rs.getString("link"), rs.getBoolean("urgent"), rs.getTimestamp("created_at").toInstant());
	}

	private void done(Claimed claimed, String address) {
		this.jdbc.sql("""
				update outbox_mail set status = 'SENT', sent_at = now(), claimed_until = null, address = ?,
				       last_error = null
				where id = ? and status = 'SENDING'
				""").params(address, claimed.id()).update();
	}

	private void retry(Claimed claimed, String address, Exception ex) {
		if (claimed.attempts() >= this.properties.maxAttempts()) {
			fail(claimed, address, Reason.GAVE_UP.with(message(ex)));
			return;
		}
		long wait = Math.min(LONGEST_WAIT.toSeconds(), 60L << Math.min(claimed.attempts() - 1, 20));
		this.jdbc.sql("""
				update outbox_mail set status = 'PENDING', claimed_until = null, address = ?, last_error = ?,
				       next_attempt_at = now() + make_interval(secs => ?)
				where id = ? and status = 'SENDING'
				""").params(address, cut(Reason.SMTP.with(message(ex))), wait, claimed.id()).update();
		log.warn("E-mail {} not sent (attempt {}), tried again in {} s: {}", claimed.id(), claimed.attempts(), wait,
				message(ex));
	}

	private void fail(Claimed claimed, String address, String reason) {
		this.jdbc.sql("""
				update outbox_mail set status = 'FAILED', claimed_until = null, address = ?, last_error = ?
				where id = ? and status = 'SENDING'
				""").params(address, cut(reason), claimed.id()).update();
		if (!address.isEmpty()) {
			this.jdbc.sql("""
					insert into mail_address_problem (address, reason) values (?, ?)
					on conflict (address) do update set reason = excluded.reason, noticed_at = now()
					""").params(cut(address), cut(reason)).update();
		}
	}

	/** Whether an address looks like one and parses strictly. */
	static boolean isValid(String address) {
		if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
			return false;
		}
		try {
			new InternetAddress(address, true).validate();
			return true;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	/**
	 * A refusal of the recipient by the server (5xx on RCPT), as opposed to a failure to
	 * reach it.
	 */
	private static boolean isRefusedAddress(Exception failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
					&& refused.getInvalidAddresses().length > 0) {
				return true;
			}
		}
		return false;
	}

	private static String message(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static String cut(String text) {
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	/**
	 * Why an e-mail did not go, as recorded: the reason's name, then " | " and the
	 * server's own words if any (message keys {@code outbox.reason.*}).
	 */
	enum Reason {

		INVALID_ADDRESS, REFUSED, GAVE_UP, SMTP, INTERRUPTED;

		static final String SEPARATOR = " | ";

		String with(String detail) {
			return (detail == null) ? name() : name() + SEPARATOR + detail;
		}

	}

	private record Claimed(long id, long accountId, Long notificationId, Instant digestUntil, int attempts) {
	}

	private record Recipient(String email, String fullName, Locale locale) {
	}

}
