package vn.edu.portal.account;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * "Forgot your password?": ask for a link by username or e-mail address, then choose a
 * new password through the link. Answers 404 while the portal has no mail server.
 */
@Controller
@RequestMapping("/login/reset")
class PasswordResetController {

	private static final String ASK = "account/reset-request";

	private static final String CHOOSE = "account/reset-password";

	private static final String INVALID = "account/reset-invalid";

	private final PasswordReset reset;

	PasswordResetController(PasswordReset reset) {
		this.reset = reset;
	}

	@GetMapping
	String ask() {
		requireEnabled();
		return ASK;
	}

	@PostMapping
	String send(@RequestParam(defaultValue = "") String name) {
		requireEnabled();
		this.reset.request(name);
		return "redirect:/login/reset?sent";
	}

	@GetMapping("/{token}")
	String choose(@PathVariable String token, Model model) {
		requireEnabled();
		if (this.reset.accountOf(token).isEmpty()) {
			return INVALID;
		}
		model.addAttribute("form", PasswordResetForm.empty());
		return CHOOSE;
	}

	@PostMapping("/{token}")
	String set(@PathVariable String token, @Valid @ModelAttribute("form") PasswordResetForm form,
			BindingResult result) {
		requireEnabled();
		if (this.reset.accountOf(token).isEmpty()) {
			return INVALID;
		}
		if (!result.hasErrors() && !form.confirmed()) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (result.hasErrors()) {
			return CHOOSE;
		}
		Map<String, List<String>> problems;
		try {
			problems = this.reset.reset(token, form.newPassword());
		}
		catch (PasswordReset.ResetLinkInvalidException ex) {
			return INVALID;
		}
		problems.forEach((field, codes) -> codes.forEach((code) -> result.rejectValue(field, code)));
		return result.hasErrors() ? CHOOSE : "redirect:/login?reset";
	}

	private void requireEnabled() {
		if (!this.reset.enabled()) {
			throw new ResetOffException();
		}
	}

	/** Password reset by e-mail is off: the portal has no mail server. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class ResetOffException extends RuntimeException {

		ResetOffException() {
			super("password reset by e-mail is off");
		}

	}

}
