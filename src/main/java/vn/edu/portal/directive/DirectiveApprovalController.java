package vn.edu.portal.directive;

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
		if (!result.hasErrors()) {
			try {
				Directive directive = this.directives.publish(user, id, form.version(),
						Formats.parseDayMonthYear(form.signedOn()));
				redirect.addFlashAttribute("success", "directive.published");
				redirect.addFlashAttribute("successArgument", directive.numberAndSymbol());
				return "redirect:/directives/" + id;
			}
			catch (DirectiveRefused refused) {
				if (refused.field() == null) {
					return refusedStep(id, refused.messageKey(), redirect);
				}
				result.rejectValue(refused.field(), refused.messageKey());
			}
			catch (ObjectOptimisticLockingFailureException conflict) {
				return refusedStep(id, "directive.conflict", redirect);
			}
		}
		return this.pages.detail(user, id, model);
	}

	@PostMapping("/return")
	String returnToDrafter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("returning") StepForms.WithReason form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.directives.returnToDrafter(user, id, form.version(), form.comment().strip());
				redirect.addFlashAttribute("success", "directive.returned");
				return "redirect:/directives/" + id;
			}
			catch (DirectiveRefused refused) {
				return refusedStep(id, refused.messageKey(), redirect);
			}
			catch (ObjectOptimisticLockingFailureException conflict) {
				return refusedStep(id, "directive.conflict", redirect);
			}
		}
		return this.pages.detail(user, id, model);
	}

	@PostMapping("/recall")
	String recall(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("recalling") StepForms.WithReason form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.directives.recall(user, id, form.version(), form.comment().strip());
				redirect.addFlashAttribute("success", "directive.recalled");
				return "redirect:/directives/" + id;
			}
			catch (DirectiveRefused refused) {
				return refusedStep(id, refused.messageKey(), redirect);
			}
			catch (ObjectOptimisticLockingFailureException conflict) {
				return refusedStep(id, "directive.conflict", redirect);
			}
		}
		return this.pages.detail(user, id, model);
	}

	/**
	 * A step the directive's state no longer allows (someone acted first): back to its
	 * page, which shows why and what it is now.
	 */
	private static String refusedStep(long id, String messageKey, RedirectAttributes redirect) {
		redirect.addFlashAttribute("failure", messageKey);
		return "redirect:/directives/" + id;
	}

}
