package vn.edu.portal.organisation;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.system.Downloads;
import vn.edu.portal.system.TabularFile;

/**
 * Bulk import and export of the unit tree (.xlsx and .csv), for system administrators.
 */
@Controller
@RequestMapping("/admin/units")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class UnitImportController {

	private static final String VIEW = "admin/units/import";

	private final UnitImport imports;

	private final UnitExport exports;

	private final CurrentScope scope;

	UnitImportController(UnitImport imports, UnitExport exports, CurrentScope scope) {
		this.scope = scope;
		this.imports = imports;
		this.exports = exports;
	}

	@GetMapping("/import")
	String form(Model model) {
		model.addAttribute("columns", UnitImport.EXPORT_COLUMNS);
		return VIEW;
	}

	@PostMapping("/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		model.addAttribute("columns", UnitImport.EXPORT_COLUMNS);
		UnitImport.Result result;
		try (InputStream content = (file != null) ? file.getInputStream() : InputStream.nullInputStream()) {
			String name = (file != null) ? file.getOriginalFilename() : "";
			model.addAttribute("fileName", name);
			long size = (file != null) ? file.getSize() : 0;
			result = this.imports.run(TabularFile.read(name, content, size, UnitImport.COLUMNS));
		}
		catch (TabularFile.Refused refused) {
			model.addAttribute("fileError", refused);
			return VIEW;
		}
		catch (DataIntegrityViolationException ex) {
			model.addAttribute("fileError", new ImportFailure("unit.import.failed"));
			return VIEW;
		}
		if (!result.problems().isEmpty()) {
			model.addAttribute("problems", result.problems());
			return VIEW;
		}
		redirect.addFlashAttribute("imported", result.summary());
		return "redirect:/admin/units/import";
	}

	/** A refusal shown beside the file field, like the file reader's own. */
	record ImportFailure(String messageKey, Object... arguments) {
	}

	@GetMapping("/export.csv")
	ResponseEntity<StreamingResponseBody> csv() {
		String scopePath = this.scope.path();
		return Downloads.attachment("don-vi.csv", Downloads.CSV, (out) -> this.exports.csv(scopePath, out));
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx() {
		String scopePath = this.scope.path();
		return Downloads.attachment("don-vi.xlsx", Downloads.XLSX, (out) -> this.exports.xlsx(scopePath, out));
	}

}
