package vn.edu.portal.directive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.system.Downloads;
import vn.edu.portal.system.FileKind;
import vn.edu.portal.system.PdfRenderer;

/**
 * A directive as it is printed: the Decree 30 layout in the browser, the same page as a
 * PDF with its font embedded or as a Word document, and every earlier version as it was
 * issued.
 */
@Controller
class DirectivePrintController {

	private static final String TEMPLATE = "directives/print";

	private final DirectiveReading reading;

	private final ITemplateEngine templates;

	private final PdfRenderer pdf;

	private final String printCss;

	DirectivePrintController(DirectiveReading reading, ITemplateEngine templates, PdfRenderer pdf) {
		this.reading = reading;
		this.templates = templates;
		this.pdf = pdf;
		this.printCss = read("static/css/directive-print.css");
	}

	@GetMapping("/directives/{id}/print")
	String print(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return show(id, this.reading.print(user, id), model);
	}

	@GetMapping("/directives/{id}/versions/{amendment}/print")
	String printVersion(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable int amendment,
			Model model) {
		return show(id, this.reading.printVersion(user, id, amendment), model);
	}

	@GetMapping("/directives/{id}.pdf")
	ResponseEntity<StreamingResponseBody> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		DirectiveReading.Print print = this.reading.print(user, id);
		Context context = new Context(Locale.forLanguageTag("vi"), Map.of("p", print.printed(), "recalled",
				print.recalled(), "pdf", true, "printCss", this.printCss, "directiveId", id));
		byte[] pdf = this.pdf.pdf(this.templates.process(TEMPLATE, context));
		return Downloads.attachment(print.fileName(), MediaType.APPLICATION_PDF, (out) -> out.write(pdf));
	}

	/**
	 * The same text as a Word document, for provinces that edit the final text in Word.
	 */
	@GetMapping("/directives/{id}.docx")
	ResponseEntity<StreamingResponseBody> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		DirectiveReading.Print print = this.reading.print(user, id);
		String name = print.fileName().replaceFirst("\\.pdf$", ".docx");
		return Downloads.attachment(name, MediaType.parseMediaType(FileKind.DOCX.mediaType()),
				(out) -> DirectiveDocx.write(print.printed(), out));
	}

	private String show(long id, DirectiveReading.Print print, Model model) {
		model.addAttribute("p", print.printed());
		model.addAttribute("recalled", print.recalled());
		model.addAttribute("pdf", false);
		model.addAttribute("directiveId", id);
		return TEMPLATE;
	}

	private static String read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
