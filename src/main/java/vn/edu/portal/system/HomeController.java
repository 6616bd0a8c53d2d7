package vn.edu.portal.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: what the signed-in role may use. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
