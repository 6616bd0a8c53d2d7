package vn.edu.portal.account;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.edu.portal.organisation.UnitType;

/**
 * A page that holds the multiple unit picker, as the directive form will, to test it in a
 * browser.
 */
@Controller
class TestPickerController {

	private final UnitSelection selection;

	TestPickerController(UnitSelection selection) {
		this.selection = selection;
	}

	@GetMapping("/test-picker")
	String show(Model model) {
		model.addAttribute("types", UnitType.values());
		model.addAttribute("chosen", List.of());
		return "test/unit-picker";
	}

	@PostMapping("/test-picker")
	String submit(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "recipients", required = false) List<String> recipients, Model model) {
		List<String> tokens = (recipients != null) ? recipients : List.of();
		model.addAttribute("types", UnitType.values());
		model.addAttribute("chosen", this.selection.describe(user, tokens));
		model.addAttribute("resolved", this.selection.resolve(user, tokens));
		return "test/unit-picker";
	}

}
