package vn.edu.portal.notification;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An account's own messages and how it takes e-mail: what the notifications page reads
 * and writes, each for the signed-in account alone.
 */
@Component
class NotificationInbox {

	static final int PAGE_SIZE = 30;

	/** The preference of an account that never saved one (the table's defaults). */
	static final Preference DEFAULT_PREFERENCE = new Preference(EmailMode.ALL, 7);

	private final JdbcClient jdbc;

	private final MailRenderer renderer;

	NotificationInbox(JdbcClient jdbc, MailRenderer renderer) {
		this.jdbc = jdbc;
		this.renderer = renderer;
	}

	/**
	 * A page of the account's messages, newest first, and its e-mail preference, in one
	 * statement: the preference row, if any, beside each message, and alone when there is
	 * no message.
	 */
	Page page(long accountId, int page, Locale locale) {
		return this.jdbc.sql("""
				select p.email_mode, p.digest_hour, n.id, n.kind, n.args, n.urgent, n.created_at, n.read_at
				from (select cast(? as bigint) as account_id) me
				left join notification_preference p on p.account_id = me.account_id
				left join lateral (
				  select id, kind, args::text as args, urgent, created_at, read_at from notification
				  where account_id = me.account_id order by created_at desc, id desc limit ? offset ?
				) n on true
				order by n.created_at desc, n.id desc
				""").params(accountId, PAGE_SIZE + 1, page * PAGE_SIZE).query((ResultSet rs) -> {
			Preference preference = DEFAULT_PREFERENCE;
			List<Row> rows = new ArrayList<>();
			while (rs.next()) {
				if (rs.getString("email_mode") != null) {
					preference = new Preference(EmailMode.valueOf(rs.getString("email_mode")),
							rs.getInt("digest_hour"));
				}
				if (rs.getObject("id") != null) {
					rows.add(new Row(rs.getLong("id"),
							this.renderer.title(rs.getString("kind"), rs.getString("args"), locale),
							rs.getBoolean("urgent"), rs.getTimestamp("created_at").toInstant(),
							rs.getTimestamp("read_at") == null));
				}
			}
			return new Page(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), rows.size() > PAGE_SIZE, preference);
		});
	}

	/**
	 * Marks one of the account's messages read and answers the page it is about; empty
	 * for another account's message, or one whose link leads off the portal.
	 */
	Optional<String> open(long accountId, long id) {
		return this.jdbc.sql("""
				update notification set read_at = coalesce(read_at, now()) where id = ? and account_id = ?
				returning link
				""")
			.params(id, accountId)
			.query(String.class)
			.optional()
			.filter((link) -> link.startsWith("/") && !link.startsWith("//"));
	}

	/** Marks every message of the account read. */
	void markAllRead(long accountId) {
		this.jdbc.sql("update notification set read_at = now() where account_id = ? and read_at is null")
			.param(accountId)
			.update();
	}

	/** Saves how the account takes e-mail (twice the same is once). */
	void savePreference(long accountId, Preference preference) {
		this.jdbc.sql("""
				insert into notification_preference (account_id, email_mode, digest_hour) values (?, ?, ?)
				on conflict (account_id) do update set email_mode = excluded.email_mode,
				       digest_hour = excluded.digest_hour, updated_at = now()
				""").params(accountId, preference.mode().name(), preference.hour()).update();
	}

	/**
	 * A page of messages.
	 *
	 * @param rows the page's messages
	 * @param hasNext whether another page follows
	 * @param preference how the account takes e-mail
	 */
	record Page(List<Row> rows, boolean hasNext, Preference preference) {
	}

	/**
	 * A message in the list.
	 *
	 * @param id the message
	 * @param title its text
	 * @param urgent whether it is urgent
	 * @param createdAt when
	 * @param unread whether it is still unread
	 */
	record Row(long id, String title, boolean urgent, Instant createdAt, boolean unread) {
	}

	/**
	 * How an account takes e-mail.
	 *
	 * @param mode everything, urgent only, or a digest
	 * @param hour the digest's hour
	 */
	record Preference(EmailMode mode, int hour) {
	}

	/** How an account takes e-mail (message keys {@code notification.mode.*}). */
	enum EmailMode {

		ALL, URGENT, DIGEST

	}

}
