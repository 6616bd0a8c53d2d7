package vn.edu.portal.notification;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.MenuFigure;
import vn.edu.portal.system.WritesWhenViewed;

/**
 * The bell and the notifications page: every message of the account, unread first marked,
 * each opening the page it is about; mark all read; and how the account takes e-mail.
 */
@Controller
class NotificationController {

	static final int PAGE_SIZE = 30;

	private final JdbcClient jdbc;

	private final MailRenderer renderer;

	NotificationController(JdbcClient jdbc, MailRenderer renderer) {
		this.jdbc = jdbc;
		this.renderer = renderer;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Locale locale,
			Model model) {
		int shown = Math.max(0, Math.min(page, 10_000));
		Page read = read(user.id(), shown, locale);
		model.addAttribute("rows", read.rows().subList(0, Math.min(read.rows().size(), PAGE_SIZE)));
		model.addAttribute("hasNext", read.rows().size() > PAGE_SIZE);
		model.addAttribute("page", shown);
		model.addAttribute("preference", read.preference());
		model.addAttribute("modes", EmailMode.values());
		return "notifications/list";
	}

	/** Opens what a message is about, and marks it read. */
	@WritesWhenViewed
	@GetMapping("/notifications/{id}")
	String open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		String link = this.jdbc.sql("""
				update notification set read_at = coalesce(read_at, now()) where id = ? and account_id = ?
				returning link
				""").params(id, user.id()).query(String.class).optional().orElse(null);
		if (link == null || !link.startsWith("/") || link.startsWith("//")) {
			throw new NotificationNotFoundException(id);
		}
		return "redirect:" + link;
	}

	@PostMapping("/notifications/read")
	String markAllRead(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		this.jdbc.sql("update notification set read_at = now() where account_id = ? and read_at is null")
			.param(user.id())
			.update();
		redirect.addFlashAttribute("success", "notification.allRead");
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/preference")
	String savePreference(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) EmailMode mode,
			@RequestParam(required = false) Integer hour, RedirectAttributes redirect) {
		if (mode == null || hour == null || hour < 0 || hour > 23) {
			redirect.addFlashAttribute("failure", "notification.preference.invalid");
			return "redirect:/notifications";
		}
		this.jdbc.sql("""
				insert into notification_preference (account_id, email_mode, digest_hour) values (?, ?, ?)
				on conflict (account_id) do update set email_mode = excluded.email_mode,
				       digest_hour = excluded.digest_hour, updated_at = now()
				""").params(user.id(), mode.name(), hour).update();
		redirect.addFlashAttribute("success", "notification.preference.saved");
		return "redirect:/notifications";
	}

	/**
	 * A page of the account's messages (one more than the page holds, to know whether
	 * another follows) and its e-mail preference, in one statement: the preference row,
	 * if any, beside each message, and alone when there is no message.
	 */
	private Page read(long accountId, int page, Locale locale) {
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
			Preference preference = new Preference(EmailMode.ALL, 7);
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
			return new Page(rows, preference);
		});
	}

	/**
	 * What the notifications page reads.
	 *
	 * @param rows the page's messages, and one more when another page follows
	 * @param preference how the account takes e-mail
	 */
	record Page(List<Row> rows, Preference preference) {
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
	record Row(long id, String title, boolean urgent, java.time.Instant createdAt, boolean unread) {
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

	/** The bell's unread count on every page. */
	@Component
	static class Bell implements MenuFigure {

		@Override
		public String name() {
			return "notificationsUnread";
		}

		@Override
		public String sql() {
			return "select count(*) from notification where account_id = :account and read_at is null";
		}

	}

}
