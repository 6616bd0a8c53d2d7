package vn.edu.portal.account;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every signed-in user changes their own password here (and must, after a reset). */
@Controller
@RequestMapping("/account/password")
class PasswordChangeController {

	static final String VIEW = "account/password";

	private final AccountService accounts;

	private final SessionPrincipal principal;

	private final AccountSessions sessions;

	PasswordChangeController(AccountService accounts, AccountSessions sessions, SessionPrincipal principal) {
		this.principal = principal;
		this.accounts = accounts;
		this.sessions = sessions;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", PasswordChangeForm.empty());
		return VIEW;
	}

	@PostMapping
	String change(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") PasswordChangeForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors() && !form.confirmed()) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (result.hasErrors()) {
			return VIEW;
		}
		Map<String, List<String>> problems = this.accounts.changePassword(user.id(), form.currentPassword(),
				form.newPassword());
		problems.forEach((field, codes) -> codes.forEach((code) -> result.rejectValue(field, code)));
		if (result.hasErrors()) {
			return VIEW;
		}
		// Whoever used the old password elsewhere is signed out; this session gets a new
		// id.
		this.sessions.endAllExcept(user.username(), request.getSession().getId());
		request.changeSessionId();
		this.principal.replace(user.withPasswordChanged(), request, response);
		redirect.addFlashAttribute("success", "password.changed");
		return "redirect:/";
	}

}
