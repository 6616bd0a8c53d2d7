package vn.edu.portal.account;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.audit.AuditLog;

/**
 * Every user's own profile: e-mail, phone, language, the way to the password change, and
 * the account's signed-in sessions.
 */
@Controller
@RequestMapping("/account")
class ProfileController {

	private static final String VIEW = "account/profile";

	private final AccountRepository accounts;

	private final AccountQueries queries;

	private final AuditLog audit;

	private final LocaleResolver locales;

	private final SessionPrincipal principal;

	private final SessionDevices sessions;

	ProfileController(AccountRepository accounts, AccountQueries queries, AuditLog audit, LocaleResolver locales,
			SessionPrincipal principal, SessionDevices sessions) {
		this.sessions = sessions;
		this.principal = principal;
		this.accounts = accounts;
		this.queries = queries;
		this.audit = audit;
		this.locales = locales;
	}

	@GetMapping
	String profile(@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request) {
		Account account = this.accounts.findById(user.id()).orElseThrow();
		model.addAttribute("form", new ProfileForm(account.getEmail(), account.getPhone(), account.getLanguage()));
		return show(account, model, request);
	}

	@PostMapping
	@Transactional
	String save(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Account account = this.accounts.findById(user.id()).orElseThrow();
		if (result.hasErrors()) {
			return show(account, model, request);
		}
		Map<String, Object> before = account.snapshot();
		account.updateProfile(AccountForm.blankToNull(form.email()), AccountForm.blankToNull(form.phone()),
				form.language());
		this.accounts.flush();
		this.audit.record("PROFILE_UPDATED", "ACCOUNT", account.getId(),
				Map.of("before", before, "after", account.snapshot()));
		this.locales.setLocale(request, response, Locale.forLanguageTag(form.language()));
		this.principal.replace(user.withLanguage(form.language()), request, response);
		redirect.addFlashAttribute("success", "profile.saved");
		return "redirect:/account";
	}

	private String show(Account account, Model model, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		model.addAttribute("sessions",
				this.sessions.of(account.getUsername(), (session != null) ? session.getId() : null));
		model.addAttribute("username", account.getUsername());
		model.addAttribute("fullName", account.getFullName());
		model.addAttribute("unitCode", this.queries.unitCodeOf(account.getUnitId()));
		return VIEW;
	}

}
