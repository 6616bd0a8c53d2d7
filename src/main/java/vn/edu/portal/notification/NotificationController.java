package vn.edu.portal.notification;

import java.util.Locale;

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

	private final NotificationInbox inbox;

	NotificationController(NotificationInbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Locale locale,
			Model model) {
		int shown = Math.max(0, Math.min(page, 10_000));
		NotificationInbox.Page read = this.inbox.page(user.id(), shown, locale);
		model.addAttribute("rows", read.rows());
		model.addAttribute("hasNext", read.hasNext());
		model.addAttribute("page", shown);
		model.addAttribute("preference", read.preference());
		model.addAttribute("modes", NotificationInbox.EmailMode.values());
		return "notifications/list";
	}

	/** Opens what a message is about, and marks it read. */
	@WritesWhenViewed
	@GetMapping("/notifications/{id}")
	String open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return "redirect:" + this.inbox.open(user.id(), id).orElseThrow(() -> new NotificationNotFoundException(id));
	}

	@PostMapping("/notifications/read")
	String markAllRead(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		this.inbox.markAllRead(user.id());
		redirect.addFlashAttribute("success", "notification.allRead");
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/preference")
	String savePreference(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) NotificationInbox.EmailMode mode,
			@RequestParam(required = false) Integer hour, RedirectAttributes redirect) {
		if (mode == null || hour == null || hour < 0 || hour > 23) {
			redirect.addFlashAttribute("failure", "notification.preference.invalid");
			return "redirect:/notifications";
		}
		this.inbox.savePreference(user.id(), new NotificationInbox.Preference(mode, hour));
		redirect.addFlashAttribute("success", "notification.preference.saved");
		return "redirect:/notifications";
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
