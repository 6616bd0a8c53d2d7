package vn.edu.portal.account;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.edu.portal.system.Downloads;
import vn.edu.portal.system.TabularFile;

/**
 * Bulk import and export of accounts (.xlsx and .csv). The temporary passwords of new
 * accounts are shown once on the result page and can be downloaded once; then they are
 * gone.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AccountImportController {

	private static final String VIEW = "admin/users/import";

	private final AccountImport imports;

	private final AccountExport exports;

	private final ScopePolicy scope;

	private final CredentialsVault vault;

	AccountImportController(AccountImport imports, AccountExport exports, ScopePolicy scope, CredentialsVault vault) {
		this.vault = vault;
		this.imports = imports;
		this.exports = exports;
		this.scope = scope;
	}

	@GetMapping("/import")
	String form(Model model) {
		model.addAttribute("columns", AccountImport.COLUMNS);
		return VIEW;
	}

	@PostMapping("/import")
	String upload(@AuthenticationPrincipal CurrentUser admin,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		model.addAttribute("columns", AccountImport.COLUMNS);
		AccountImport.Result result;
		try (InputStream content = (file != null) ? file.getInputStream() : InputStream.nullInputStream()) {
			String name = (file != null) ? file.getOriginalFilename() : "";
			model.addAttribute("fileName", name);
			result = this.imports.run(admin,
					TabularFile.read(name, content, (file != null) ? file.getSize() : 0, AccountImport.COLUMNS));
		}
		catch (TabularFile.Refused refused) {
			model.addAttribute("fileError", refused);
			return VIEW;
		}
		if (!result.problems().isEmpty()) {
			model.addAttribute("problems", result.problems());
			return VIEW;
		}
		model.addAttribute("imported", result);
		if (!result.created().isEmpty()) {
			model.addAttribute("passwordsToken", this.vault.put(admin.id(), result.created()));
		}
		return VIEW;
	}

	/** The temporary passwords of an import, once, to the administrator who ran it. */
	@PostMapping("/import/passwords.csv")
	ResponseEntity<StreamingResponseBody> passwords(@AuthenticationPrincipal CurrentUser admin,
			@RequestParam(name = "token", required = false) String token) {
		return this.vault.take(admin.id(), token)
			.map((csv) -> Downloads.attachment("mat-khau-tam-thoi.csv", Downloads.CSV, (out) -> out.write(csv)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/export.csv")
	ResponseEntity<StreamingResponseBody> csv(@AuthenticationPrincipal CurrentUser admin) {
		UnitScope scope = this.scope.scopeOf(admin);
		return Downloads.attachment("tai-khoan.csv", Downloads.CSV, (out) -> this.exports.csv(scope, out));
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@AuthenticationPrincipal CurrentUser admin) {
		UnitScope scope = this.scope.scopeOf(admin);
		return Downloads.attachment("tai-khoan.xlsx", Downloads.XLSX, (out) -> this.exports.xlsx(scope, out));
	}

}
