package vn.edu.portal.directive;

import java.util.function.Supplier;

import jakarta.validation.Valid;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.system.Formats;

/**
 * The department leader's steps on a directive's page: publish or return a submitted
 * draft, recall a published directive. A refused step shows the page again with the
 * message beside its field and what was typed.
 */
@Controller
@RequestMapping("/directives/{id}")
class DirectiveApprovalController {

	private final DirectiveService directives;

	private final DirectiveFormPage pages;

	DirectiveApprovalController(DirectiveService directives, DirectiveFormPage pages) {
		this.directives = directives;
		this.pages = pages;
	}

	@PostMapping("/publish")
	String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("publishing") StepForms.Publish form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return attempt(user, id, result, model, redirect, "directive.published",
				() -> this.directives.publish(user, id, form.version(), Formats.parseDayMonthYear(form.signedOn()))
					.numberAndSymbol());
	}

	@PostMapping("/return")
	String returnToDrafter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("returning") StepForms.WithReason form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return attempt(user, id, result, model, redirect, "directive.returned", () -> {
			this.directives.returnToDrafter(user, id, form.version(), form.comment().strip());
			return null;
		});
	}

	@PostMapping("/recall")
	String recall(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("recalling") StepForms.WithReason form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return attempt(user, id, result, model, redirect, "directive.recalled", () -> {
			this.directives.recall(user, id, form.version(), form.comment().strip());
			return null;
		});
	}

	/**
	 * Runs a step of a valid form and goes back to the directive with the success message
	 * (and its argument, if the step gives one). A refusal tied to a field shows the page
	 * again with the message beside it; a step the directive's state no longer allows
	 * (someone acted first) goes back to the page, which says why.
	 */
	private String attempt(CurrentUser user, long id, BindingResult result, Model model, RedirectAttributes redirect,
			String successKey, Supplier<String> step) {
		if (!result.hasErrors()) {
			try {
				String argument = step.get();
				redirect.addFlashAttribute("success", successKey);
				redirect.addFlashAttribute("successArgument", argument);
				return "redirect:/directives/" + id;
			}
			catch (DirectiveRefused refused) {
				if (refused.field() == null) {
					redirect.addFlashAttribute("failure", refused.messageKey());
					return "redirect:/directives/" + id;
				}
				result.rejectValue(refused.field(), refused.messageKey());
			}
			catch (ObjectOptimisticLockingFailureException conflict) {
				redirect.addFlashAttribute("failure", "directive.conflict");
				return "redirect:/directives/" + id;
			}
		}
		return this.pages.detail(user, id, model);
	}

}
