package vn.edu.portal.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;

/**
 * A user's personal access tokens, on their profile: create (the secret shown once, on
 * the page itself, never kept in the session), list with their last use, revoke.
 */
@Controller
@RequestMapping("/account/tokens")
class TokenController {

	private static final String VIEW = "account/tokens";

	private final ApiTokens tokens;

	private final ApiProperties properties;

	private final java.time.Clock clock;

	TokenController(ApiTokens tokens, ApiProperties properties, java.time.Clock clock) {
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", new TokenForm("", List.of(), 90));
		return show(user, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") TokenForm form,
			BindingResult result, Model model) {
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		for (String value : form.scopes()) {
			ApiScope.of(value)
				.filter(this.tokens.offered(user)::contains)
				.ifPresentOrElse(scopes::add, () -> result.rejectValue("scopes", "tokens.scopes.invalid"));
		}
		if (!result.hasFieldErrors("scopes") && scopes.isEmpty()) {
			result.rejectValue("scopes", "tokens.scopes.required");
		}
		if (form.days() != null && form.days() > this.properties.maxTokenDays()) {
			result.rejectValue("days", "tokens.days.tooLong", new Object[] { this.properties.maxTokenDays() }, null);
		}
		if (result.hasErrors()) {
			return show(user, model);
		}
		model.addAttribute("secret", this.tokens.create(user, form.name(), scopes, form.days()));
		model.addAttribute("form", new TokenForm("", List.of(), 90));
		return show(user, model);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		if (!this.tokens.revoke(user, id)) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("success", "tokens.revoked");
		return "redirect:/account/tokens";
	}

	private String show(CurrentUser user, Model model) {
		model.addAttribute("offered", this.tokens.offered(user).stream().map((scope) -> scope.value).toList());
		model.addAttribute("tokens", this.tokens.of(user));
		model.addAttribute("now", this.clock.instant());
		return VIEW;
	}

	/**
	 * A new token.
	 *
	 * @param name what the owner calls it
	 * @param scopes what it may do
	 * @param days how many days it lives
	 */
	record TokenForm(@NotBlank @Size(max = 100) String name, List<String> scopes,
			@NotNull @Min(1) @Max(3650) Integer days) {

		TokenForm {
			scopes = (scopes != null) ? scopes : List.of();
		}

	}

}
