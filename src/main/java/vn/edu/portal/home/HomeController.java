package vn.edu.portal.home;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.edu.portal.account.CurrentUser;

/** The start page after login: what needs the signed-in person, most urgent first. */
@Controller
class HomeController {

	private final Todos todos;

	HomeController(Todos todos) {
		this.todos = todos;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<Todos.Group> groups = this.todos.of(user);
		model.addAttribute("groups", groups);
		model.addAttribute("nothingToDo", Todos.nothingToDo(groups));
		return "home";
	}

}
