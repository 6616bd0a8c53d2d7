package vn.edu.portal.interop;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.DirectiveExchange.IssuedDocument;
import vn.edu.portal.system.Downloads;

/** Issued directives as edXML packages, for whoever may read them. */
@Controller
class EdXmlController {

	static final MediaType EDXML = new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8);

	private final DirectivePackages packages;

	private final StatusPackages statuses;

	EdXmlController(DirectivePackages packages, StatusPackages statuses) {
		this.packages = packages;
		this.statuses = statuses;
	}

	@GetMapping("/directives/{id}.edxml")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		IssuedDocument document = this.packages.issued(user, id);
		return Downloads.attachment(DirectivePackages.fileName(document), EDXML,
				(out) -> this.packages.write(document, out));
	}

	/**
	 * A status package for the province's register, for a directive that came in as
	 * edXML: {@code code} 01, 03, 05 or 06, or none to choose from the delivery's
	 * figures.
	 */
	@GetMapping("/directives/{id}/status.edxml")
	ResponseEntity<StreamingResponseBody> status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String code) {
		StatusPackage status;
		try {
			status = this.statuses.status(user, id, (code == null || code.isBlank()) ? null : code);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown status code");
		}
		return Downloads.attachment("trang-thai-" + status.status().code + "-" + id + EdXml.EXTENSION, EDXML,
				(out) -> this.statuses.write(status, out));
	}

}
