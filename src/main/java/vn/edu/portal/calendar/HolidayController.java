package vn.edu.portal.calendar;

import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.system.Formats;

/**
 * The holidays of a year, for the administrators of the whole installation: the calendar
 * is national, and every Department of the installation counts working days by it, so an
 * administrator of one Department may not change it.
 */
@Controller
@RequestMapping("/admin/holidays")
@PreAuthorize("hasRole('SYSTEM_ADMIN') and principal.unitId() == null")
class HolidayController {

	private static final String PAGE = "admin/holidays/list";

	private final HolidayAdministration holidays;

	private final Formats formats;

	HolidayController(HolidayAdministration holidays, Formats formats) {
		this.holidays = holidays;
		this.formats = formats;
	}

	@GetMapping
	String list(@RequestParam(required = false) Integer year, Model model) {
		int shown = (year != null) ? clamp(year) : this.formats.today().getYear();
		model.addAttribute("form", new HolidayForm("", ""));
		return show(shown, model);
	}

	@PostMapping
	String add(@RequestParam int year, @Valid @ModelAttribute("form") HolidayForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			if (this.holidays.add(Formats.parseDayMonthYear(form.day()), form.name().strip())) {
				redirect.addFlashAttribute("success", "holidays.added");
				return "redirect:/admin/holidays?year=" + Formats.parseDayMonthYear(form.day()).getYear();
			}
			result.rejectValue("day", "holidays.exists");
		}
		return show(clamp(year), model);
	}

	@PostMapping("/fixed")
	String addFixed(@RequestParam int year, RedirectAttributes redirect) {
		this.holidays.addFixed(clamp(year));
		redirect.addFlashAttribute("success", "holidays.fixedAdded");
		return "redirect:/admin/holidays?year=" + year;
	}

	@PostMapping("/remove")
	String remove(@RequestParam int year, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes redirect) {
		this.holidays.remove(day);
		redirect.addFlashAttribute("success", "holidays.removed");
		return "redirect:/admin/holidays?year=" + year;
	}

	/** Years the calendar keeps: no page for year 0 or 99999. */
	private static int clamp(int year) {
		return Math.max(2000, Math.min(year, 2100));
	}

	private String show(int year, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("holidays", this.holidays.of(year));
		return PAGE;
	}

}
