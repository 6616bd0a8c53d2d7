package vn.edu.portal.account;

import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.audit.AuditLog;

/**
 * A user ends their own sessions from the profile page: one of them, or all but the one
 * in use.
 */
@Controller
@RequestMapping("/account/sessions")
class SessionsController {

	private final SessionDevices devices;

	private final AccountSessions sessions;

	private final AuditLog audit;

	SessionsController(SessionDevices devices, AccountSessions sessions, AuditLog audit) {
		this.devices = devices;
		this.sessions = sessions;
		this.audit = audit;
	}

	@PostMapping("/{handle}/end")
	String end(@AuthenticationPrincipal CurrentUser user, @PathVariable String handle, RedirectAttributes redirect) {
		if (!this.devices.end(user.username(), handle)) {
			throw new SessionNotFoundException();
		}
		this.audit.record("SESSION_ENDED", "ACCOUNT", user.id(), Map.of("session", handle));
		redirect.addFlashAttribute("success", "sessions.ended");
		return "redirect:/account#sessions";
	}

	@PostMapping("/end-others")
	String endOthers(@AuthenticationPrincipal CurrentUser user, HttpSession session, RedirectAttributes redirect) {
		this.sessions.endAllExcept(user.username(), session.getId());
		this.audit.record("SESSIONS_ENDED", "ACCOUNT", user.id(), Map.of("kept", "current"));
		redirect.addFlashAttribute("success", "sessions.othersEnded");
		return "redirect:/account#sessions";
	}

	/** No such session of the signed-in account (ended already, or never its own). */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class SessionNotFoundException extends RuntimeException {

		SessionNotFoundException() {
			super("no such session");
		}

	}

}
