package vn.edu.portal.dashboard;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.ReportDrafts;
import vn.edu.portal.system.Formats;

/**
 * "Soạn báo cáo" from the dashboard: a small form for the scope, period and filters the
 * dashboard shows, where the officer chooses the body the báo cáo goes to; sending it
 * drafts the báo cáo and opens the draft. For Department officers and leaders; another
 * unit answers 404.
 */
@Controller
class ReportDraftController {

	private static final String VIEW = "dashboard/report";

	private final PeriodicReports reports;

	private final Formats formats;

	ReportDraftController(PeriodicReports reports, Formats formats) {
		this.reports = reports;
		this.formats = formats;
	}

	@GetMapping("/dashboard/report")
	String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String year,
			@RequestParam(required = false) String month, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String type, @RequestParam(required = false) Long directive, Model model) {
		Asked asked = ask(user, unit, kind, year, month, quarter, from, to, type, directive);
		return show(user, asked, null, UUID.randomUUID().toString(), false, model);
	}

	@PostMapping("/dashboard/report")
	String draft(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String year,
			@RequestParam(required = false) String month, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String type, @RequestParam(required = false) Long directive,
			@RequestParam(required = false) String addressee, @RequestParam(required = false) String formKey,
			Model model, RedirectAttributes redirect) {
		Asked asked = ask(user, unit, kind, year, month, quarter, from, to, type, directive);
		ReportDrafts.Addressee chosen = addressee(addressee);
		UUID key = key(formKey);
		if (chosen == null) {
			return show(user, asked, addressee, (key != null) ? key.toString() : UUID.randomUUID().toString(), true,
					model);
		}
		long id = this.reports.draft(user, asked.unit(), asked.choice().period(), asked.unitType(), directive, chosen,
				key);
		redirect.addFlashAttribute("success", "dashboard.report.drafted");
		return "redirect:/directives/" + id;
	}

	private Asked ask(CurrentUser user, Long unit, String kind, String year, String month, String quarter, String from,
			String to, String type, Long directive) {
		long shown = this.reports.unitFor(user, unit);
		PeriodChoice choice = PeriodChoice.of(kind, year, month, quarter, from, to, this.formats.today());
		if (choice.period() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, choice.error());
		}
		String unitType = DashboardController.unitType(type);
		this.reports.directive(user, directive);
		return new Asked(shown, choice, unitType, directive);
	}

	private String show(CurrentUser user, Asked asked, String addressee, String formKey, boolean missing, Model model) {
		model.addAttribute("unitId", asked.unit());
		model.addAttribute("unitName", this.reports.unitName(asked.unit()));
		model.addAttribute("choice", asked.choice());
		model.addAttribute("unitType", asked.unitType());
		model.addAttribute("directiveId", asked.directive());
		model.addAttribute("directive", this.reports.directive(user, asked.directive()));
		model.addAttribute("addressees", ReportDrafts.Addressee.values());
		model.addAttribute("addressee", addressee);
		model.addAttribute("addresseeMissing", missing);
		model.addAttribute("formKey", formKey);
		return VIEW;
	}

	private static ReportDrafts.Addressee addressee(String value) {
		for (ReportDrafts.Addressee choice : ReportDrafts.Addressee.values()) {
			if (choice.name().equals(value)) {
				return choice;
			}
		}
		return null;
	}

	private static UUID key(String value) {
		try {
			return (value != null) ? UUID.fromString(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * What a report is asked for, as the dashboard chose it.
	 *
	 * @param unit the unit whose scope is counted
	 * @param choice the period
	 * @param unitType the type of unit counted, or {@code null}
	 * @param directive the directive counted, or {@code null}
	 */
	private record Asked(long unit, PeriodChoice choice, String unitType, Long directive) {
	}

}
