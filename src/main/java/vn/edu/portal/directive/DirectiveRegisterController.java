package vn.edu.portal.directive;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.Downloads;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.WritesWhenViewed;

/**
 * The Department's outgoing register for a year, for its staff: on screen and printable,
 * as a workbook, and the starting point of a register that continues numbers used outside
 * the portal.
 */
@Controller
class DirectiveRegisterController {

	private final DirectiveRegister register;

	private final DirectiveService directives;

	private final NumberRegister numbers;

	private final AuditLog audit;

	private final Formats formats;

	DirectiveRegisterController(DirectiveRegister register, DirectiveService directives, NumberRegister numbers,
			AuditLog audit, Formats formats) {
		this.register = register;
		this.directives = directives;
		this.numbers = numbers;
		this.audit = audit;
		this.formats = formats;
	}

	@GetMapping("/directives/register")
	String show(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
		long issuer = this.directives.issuerFor(user);
		int shown = (year != null) ? year : this.formats.today().getYear();
		model.addAttribute("year", shown);
		model.addAttribute("years", this.register.years(issuer));
		model.addAttribute("rows", this.register.rows(issuer, shown));
		model.addAttribute("lastNumber", this.numbers.last(issuer, shown));
		return "directives/register";
	}

	@WritesWhenViewed
	@GetMapping("/directives/register.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
			Locale locale) {
		long issuer = this.directives.issuerFor(user);
		this.audit.record("DIRECTIVE_REGISTER_EXPORTED", "DIRECTIVE_REGISTER", issuer + "/" + year, null);
		return Downloads.attachment("so-van-ban-di-" + year + ".xlsx", Downloads.XLSX,
				(out) -> this.register.xlsx(issuer, year, locale, out));
	}

	@PostMapping("/directives/register/continue")
	String continueAfter(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
			@RequestParam(required = false) Integer lastUsed, RedirectAttributes redirect) {
		try {
			boolean moved = this.directives.continueRegister(user, year, (lastUsed != null) ? lastUsed : 0);
			redirect.addFlashAttribute(moved ? "success" : "failure",
					moved ? "register.continue.done" : "register.continue.behind");
		}
		catch (DirectiveRefused refused) {
			redirect.addFlashAttribute("failure", refused.messageKey());
		}
		return "redirect:/directives/register?year=" + year;
	}

}
