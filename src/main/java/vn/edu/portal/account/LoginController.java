package vn.edu.portal.account;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final OidcProperties oidc;

	private final PasswordReset reset;

	LoginController(OidcProperties oidc, PasswordReset reset) {
		this.oidc = oidc;
		this.reset = reset;
	}

	@GetMapping("/login")
	String login(Authentication authentication, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		model.addAttribute("oidc", this.oidc.enabled());
		model.addAttribute("passwordReset", this.reset.enabled());
		return "account/login";
	}

	/** An identity of the provider that no portal account is linked to. */
	@GetMapping("/login/unlinked")
	String unlinked(HttpSession session, Model model) {
		Object identity = session.getAttribute(OidcSignOn.UNLINKED_IDENTITY);
		if (identity == null) {
			return "redirect:/login";
		}
		model.addAttribute("identity", identity);
		model.addAttribute("claim", this.oidc.linkClaim());
		return "account/unlinked-identity";
	}

}
