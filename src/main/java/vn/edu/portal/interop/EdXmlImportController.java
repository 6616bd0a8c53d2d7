package vn.edu.portal.interop;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.DirectiveExchange;

/**
 * Department officers bring in a directive registered in the province's document system:
 * upload its edXML package, check the preview, confirm.
 */
@Controller
@RequestMapping("/directives/import")
class EdXmlImportController {

	private static final String VIEW = "interop/import";

	private final EdXmlImport imports;

	EdXmlImportController(EdXmlImport imports) {
		this.imports = imports;
	}

	@GetMapping
	String form(@AuthenticationPrincipal CurrentUser user) {
		this.imports.checkAllowed(user);
		return VIEW;
	}

	@PostMapping
	String upload(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		this.imports.checkAllowed(user);
		String name = (file != null) ? file.getOriginalFilename() : "";
		model.addAttribute("fileName", name);
		try (InputStream content = (file != null) ? file.getInputStream() : InputStream.nullInputStream()) {
			model.addAttribute("preview",
					this.imports.preview(user, name, content, (file != null) ? file.getSize() : 0));
		}
		catch (EdXmlImport.Duplicate duplicate) {
			model.addAttribute("fileError", duplicate);
			model.addAttribute("duplicateId", duplicate.directiveId());
		}
		catch (EdXmlRefused refused) {
			model.addAttribute("fileError", refused);
		}
		return VIEW;
	}

	@PostMapping("/{token}")
	String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID token, Model model,
			RedirectAttributes redirect) {
		Optional<Long> created;
		try {
			created = this.imports.confirm(user, token);
		}
		catch (EdXmlImport.Duplicate duplicate) {
			model.addAttribute("fileError", duplicate);
			model.addAttribute("duplicateId", duplicate.directiveId());
			return VIEW;
		}
		catch (EdXmlRefused refused) {
			model.addAttribute("fileError", refused);
			return VIEW;
		}
		catch (DirectiveExchange.Refused refused) {
			model.addAttribute("fileError", new EdXmlRefused(refused.messageKey()));
			return VIEW;
		}
		if (created.isEmpty()) {
			redirect.addFlashAttribute("failure", "interop.import.gone");
			return "redirect:/directives/import";
		}
		redirect.addFlashAttribute("success", "interop.import.done");
		return "redirect:/directives/" + created.get();
	}

}
