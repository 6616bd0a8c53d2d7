package vn.edu.portal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a sign-in: a code from the authenticator app, or a recovery code.
 * Wrong codes are slowed like wrong passwords.
 */
@Controller
@RequestMapping(SecondFactorFilter.CODE_PAGE)
class SecondFactorController {

	private static final String VIEW = "account/second-factor";

	private static final int MAX_CODE = 64;

	private final SecondFactor secondFactor;

	private final LoginThrottle throttle;

	private final LoginAttempts attempts;

	private final Clock clock;

	SecondFactorController(SecondFactor secondFactor, LoginThrottle throttle, LoginAttempts attempts, Clock clock) {
		this.secondFactor = secondFactor;
		this.throttle = throttle;
		this.attempts = attempts;
		this.clock = clock;
	}

	@GetMapping
	String form(HttpSession session) {
		return isDue(session) ? VIEW : "redirect:/";
	}

	@PostMapping
	String verify(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code,
			HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!isDue(session)) {
			return "redirect:/";
		}
		Instant now = this.clock.instant();
		LoginThrottle.Admission admission;
		try {
			admission = this.throttle.admitCode(user.username(), request.getRemoteAddr(), now);
		}
		catch (LoginThrottledException ex) {
			this.attempts.secondFactorFailed(user, "throttled");
			model.addAttribute("error", "secondFactor.throttled");
			return VIEW;
		}
		Optional<String> method = (code.length() <= MAX_CODE) ? this.secondFactor.verify(user.id(), code, now)
				: Optional.empty();
		if (method.isEmpty()) {
			this.attempts.secondFactorFailed(user, "wrong-code");
			model.addAttribute("error", "secondFactor.wrong");
			return VIEW;
		}
		this.throttle.succeeded(admission);
		this.attempts.secondFactorPassed(user, method.get(), request, response);
		return "redirect:/";
	}

	private static boolean isDue(HttpSession session) {
		return SecondFactorFilter.VERIFY.equals(session.getAttribute(SecondFactorFilter.STATE));
	}

}
