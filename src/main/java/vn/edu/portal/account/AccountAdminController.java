package vn.edu.portal.account;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accounts for system administrators: list with filters, create, edit, disable, enable,
 * unlock, reset the password. Temporary passwords are shown once, on the page after the
 * action.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AccountAdminController {

	private static final String FORM = "admin/users/form";

	private final AccountAdministration administration;

	private final AccountQueries queries;

	private final ScopePolicy scope;

	AccountAdminController(AccountAdministration administration, AccountQueries queries, ScopePolicy scope) {
		this.administration = administration;
		this.queries = queries;
		this.scope = scope;
	}

	@ModelAttribute("allRoles")
	Role[] roles() {
		return Role.values();
	}

	@ModelAttribute("statuses")
	AccountFilter.Status[] statuses() {
		return AccountFilter.Status.values();
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser admin, @ModelAttribute("filter") AccountFilter filter,
			Model model) {
		List<AccountQueries.AccountRow> rows = this.queries.list(this.scope.scopeOf(admin), filter);
		model.addAttribute("accounts", rows.stream().limit(AccountQueries.PAGE_SIZE).toList());
		model.addAttribute("hasNext", rows.size() > AccountQueries.PAGE_SIZE);
		model.addAttribute("page", filter.pageNumber());
		return "admin/users/list";
	}

	@GetMapping("/new")
	String newAccount(@RequestParam(required = false) String unit, Model model) {
		model.addAttribute("form", AccountForm.blank(unit));
		return FORM;
	}

	/**
	 * Creates an account and shows it with its temporary password, in this response only:
	 * a flash attribute would have written the password into the session table (and so
	 * into the database's log and backups).
	 */
	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("form") AccountForm form,
			BindingResult result, Model model) {
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			AccountService.Created created = this.administration.create(admin, form);
			return withTemporaryPassword(created.account(), created.temporaryPassword(), "account.created", model);
		}
		catch (AccountChangeRefused refused) {
			result.rejectValue(refused.field(), refused.messageKey());
			return FORM;
		}
		catch (DataIntegrityViolationException taken) {
			// The same form sent twice at once: the other request made the account.
			result.rejectValue("username", "account.username.taken");
			return FORM;
		}
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, Model model) {
		Account account = this.administration.get(admin, id);
		model.addAttribute("form", AccountForm.of(account, this.queries.unitCodeOf(account.getUnitId())));
		return show(account, model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
			@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Account account = this.administration.get(admin, id);
		if (!result.hasErrors()) {
			try {
				this.administration.update(admin, id, form);
				redirect.addFlashAttribute("success", "account.saved");
				return "redirect:/admin/users/" + id;
			}
			catch (AccountChangeRefused refused) {
				result.rejectValue(refused.field(), refused.messageKey());
			}
		}
		return show(account, model);
	}

	@PostMapping("/{id}/disable")
	String disable(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
		try {
			this.administration.disable(admin, id);
			redirect.addFlashAttribute("success", "account.disabled");
		}
		catch (AccountChangeRefused refused) {
			redirect.addFlashAttribute("failure", refused.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
		this.administration.enable(admin, id);
		redirect.addFlashAttribute("success", "account.enabled");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/sessions/end")
	String endSessions(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
		this.administration.endSessions(admin, id);
		redirect.addFlashAttribute("success", "users.sessionsEnded");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/second-factor/reset")
	String resetSecondFactor(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
			RedirectAttributes redirect) {
		this.administration.resetSecondFactor(admin, id);
		redirect.addFlashAttribute("success", "users.secondFactorReset");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
		this.administration.unlock(admin, id);
		redirect.addFlashAttribute("success", "account.unlocked");
		return "redirect:/admin/users/" + id;
	}

	/** A new temporary password, shown in this response only, as on creation. */
	@PostMapping("/{id}/password")
	String resetPassword(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, Model model) {
		String temporaryPassword = this.administration.resetPassword(admin, id);
		return withTemporaryPassword(this.administration.get(admin, id), temporaryPassword, "account.passwordReset",
				model);
	}

	private String withTemporaryPassword(Account account, String temporaryPassword, String success, Model model) {
		model.addAttribute("temporaryPassword", temporaryPassword);
		model.addAttribute("success", success);
		model.addAttribute("form", AccountForm.of(account, this.queries.unitCodeOf(account.getUnitId())));
		return show(account, model);
	}

	private String show(Account account, Model model) {
		model.addAttribute("account", new AccountView(account.getId(), account.getUsername(), account.isEnabled(),
				account.isLockedAt(this.queries.now()), account.isMustChangePassword()));
		model.addAttribute("secondFactor", this.administration.hasSecondFactor(account.getId()));
		return FORM;
	}

	record AccountView(long id, String username, boolean enabled, boolean locked, boolean mustChangePassword) {
	}

}
