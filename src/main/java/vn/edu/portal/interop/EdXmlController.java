package vn.edu.portal.interop;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.DirectiveExchange.IssuedDocument;
import vn.edu.portal.system.Downloads;

/** Issued directives as edXML packages, for whoever may read them. */
@Controller
class EdXmlController {

	static final MediaType EDXML = new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8);

	private final DirectivePackages packages;

	EdXmlController(DirectivePackages packages) {
		this.packages = packages;
	}

	@GetMapping("/directives/{id}.edxml")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		IssuedDocument document = this.packages.issued(user, id);
		return Downloads.attachment(DirectivePackages.fileName(document), EDXML,
				(out) -> this.packages.write(document, out));
	}

}
