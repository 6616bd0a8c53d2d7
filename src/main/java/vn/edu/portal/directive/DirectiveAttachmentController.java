package vn.edu.portal.directive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.system.FileStore;
import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.system.Downloads;

/**
 * A directive's files: upload (recognised by content), download (always as an attachment,
 * never shown inline), removal.
 */
@Controller
@RequestMapping("/directives/{id}/attachments")
class DirectiveAttachmentController {

	private final DirectiveService directives;

	private final DirectiveAttachments attachments;

	private final DirectiveFormPage pages;

	private final DirectiveAccess access;

	DirectiveAttachmentController(DirectiveService directives, DirectiveAttachments attachments,
			DirectiveFormPage pages, DirectiveAccess access) {
		this.access = access;
		this.directives = directives;
		this.attachments = attachments;
		this.pages = pages;
	}

	@PostMapping
	String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "APPENDIX") DirectiveAttachments.Kind kind,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("failure", "directive.attachment.empty");
			return "redirect:/directives/" + id + "#attachments";
		}
		Path received = Files.createTempFile("directive-attachment", ".upload");
		try {
			file.transferTo(received);
			return this.pages.step(redirect, "directive.attachment.added",
					() -> this.directives.attach(user, id, kind, file.getOriginalFilename(), received),
					"redirect:/directives/" + id + "#attachments", "redirect:/directives/" + id + "#attachments");
		}
		finally {
			Files.deleteIfExists(received);
		}
	}

	@GetMapping("/{attachmentId}")
	ResponseEntity<StreamingResponseBody> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		this.access.checkVisible(user, id);
		FileStore.StoredFile attachment = this.attachments.find(id, attachmentId)
			.orElseThrow(() -> new DirectiveNotFoundException(id));
		return Downloads.attachment(attachment.fileName(), MediaType.parseMediaType(attachment.mediaType()),
				(out) -> this.attachments.copy(attachmentId, out));
	}

	@PostMapping("/{attachmentId}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long attachmentId,
			RedirectAttributes redirect) {
		return this.pages.step(redirect, "directive.attachment.removed",
				() -> this.directives.detach(user, id, attachmentId), "redirect:/directives/" + id + "#attachments",
				"redirect:/directives/" + id + "#attachments");
	}

}
