package vn.edu.portal.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.system.Downloads;
import vn.edu.portal.system.FileStore;
import vn.edu.portal.system.FormModel;

/**
 * Implementation reports: the unit's form for a period, and the Department's review of a
 * submitted report.
 */
@Controller
class ReportController {

	private static final String FORM = "reports/form";

	private final ReportService reports;

	private final DeliveryService delivery;

	private final DirectiveCatalog directives;

	private final InboxQueries queries;

	private final FileStore files;

	ReportController(ReportService reports, DeliveryService delivery, DirectiveCatalog directives, InboxQueries queries,
			FileStore files) {
		this.files = files;
		this.reports = reports;
		this.delivery = delivery;
		this.directives = directives;
		this.queries = queries;
	}

	@GetMapping("/inbox/{id}/reports/{period}")
	String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period, Model model) {
		Report report = this.reports.find(user, id, period);
		DirectiveCatalog.ReportPlan plan = plan(user, id);
		return show(user, id, period, report, ReportForm.of(report, plan.tasks().size()), model);
	}

	@PostMapping("/inbox/{id}/reports/{period}")
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period,
			@RequestParam(defaultValue = "save") String action, @Valid @ModelAttribute("form") ReportForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		String back = "redirect:/inbox/" + id + "/reports/" + period;
		int tasks = plan(user, id).tasks().size();
		if (!form.fits(tasks)) {
			// A crafted or truncated post: shown again whole, with what was sent kept.
			model.addAttribute("failure", "report.form.incomplete");
			return show(user, id, period, this.reports.find(user, id, period), form.fittedTo(tasks), model);
		}
		if (!result.hasErrors()) {
			try {
				if (action.equals("submit")) {
					boolean submitted = this.reports.submit(user, id, period, form.entries(), form.figuresOrNull(),
							form.version());
					redirect.addFlashAttribute("success", submitted ? "report.submitted" : "report.alreadySubmitted");
				}
				else {
					this.reports.save(user, id, period, form.entries(), form.figuresOrNull(), form.version());
					redirect.addFlashAttribute("success", "report.saved");
				}
				return back;
			}
			catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException conflict) {
				// Someone of the unit saved or submitted the same report at the same
				// moment.
				result.reject("report.conflict");
			}
			catch (DeliveryRefused refused) {
				result.reject(refused.messageKey());
			}
		}
		return show(user, id, period, this.reports.find(user, id, period), form, model);
	}

	@PostMapping("/inbox/{id}/reports/{period}/files")
	String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		String back = "redirect:/inbox/" + id + "/reports/" + period + "#files";
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("fileFailure", "report.file.EMPTY");
			return back;
		}
		Path received = Files.createTempFile("report-file", ".upload");
		try {
			file.transferTo(received);
			this.reports.attach(user, id, period, file.getOriginalFilename(), received);
			redirect.addFlashAttribute("success", "report.file.added");
		}
		catch (DeliveryRefused refused) {
			redirect.addFlashAttribute("fileFailure", refused.messageKey());
		}
		finally {
			Files.deleteIfExists(received);
		}
		return back;
	}

	@PostMapping("/inbox/{id}/reports/{period}/files/{fileId}/delete")
	String detach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period, @PathVariable long fileId,
			RedirectAttributes redirect) {
		try {
			this.reports.detach(user, id, period, fileId);
			redirect.addFlashAttribute("success", "report.file.removed");
		}
		catch (DeliveryRefused refused) {
			redirect.addFlashAttribute("failure", refused.messageKey());
		}
		return "redirect:/inbox/" + id + "/reports/" + period + "#files";
	}

	@GetMapping("/reports/{reportId}/files/{fileId}")
	ResponseEntity<StreamingResponseBody> download(@AuthenticationPrincipal CurrentUser user,
			@PathVariable long reportId, @PathVariable long fileId) {
		FileStore.StoredFile stored = this.reports.file(user, reportId, fileId);
		return Downloads.attachment(stored.fileName(), MediaType.parseMediaType(stored.mediaType()),
				(out) -> this.files.copy(fileId, out));
	}

	@GetMapping("/reports/{reportId}")
	String view(@AuthenticationPrincipal CurrentUser user, @PathVariable long reportId, Model model) {
		Report report = this.reports.forReading(user, reportId);
		model.addAttribute("report", report);
		model.addAttribute("revisions", this.reports.revisions(reportId));
		model.addAttribute("files", this.reports.files(reportId));
		boolean reviewer = this.reports.isReviewer(user, report);
		model.addAttribute("reviewer", reviewer);
		model.addAttribute("resemblances", reviewer ? this.reports.resemblances(report) : java.util.List.of());
		model.addAttribute("a", this.queries.assignment(report.getAssignmentId()));
		model.addAttribute("unitName", this.queries.unitOf(report.getAssignmentId()));
		model.addAttribute("plan",
				this.directives.reportPlan(this.queries.assignment(report.getAssignmentId()).directiveId()));
		if (!model.containsAttribute("returning")) {
			model.addAttribute("returning", new ReturnForm(""));
		}
		return "reports/view";
	}

	@PostMapping("/reports/{reportId}/accept")
	String accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long reportId, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			this.reports.accept(user, reportId, version);
			redirect.addFlashAttribute("success", "report.accepted");
		}
		catch (DeliveryRefused refused) {
			redirect.addFlashAttribute("failure", refused.messageKey());
		}
		catch (ObjectOptimisticLockingFailureException conflict) {
			redirect.addFlashAttribute("failure", "report.conflict");
		}
		return "redirect:/reports/" + reportId;
	}

	@PostMapping("/reports/{reportId}/return")
	String returnForRevision(@AuthenticationPrincipal CurrentUser user, @PathVariable long reportId,
			@RequestParam long version, @Valid @ModelAttribute("returning") ReturnForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.reports.returnForRevision(user, reportId, version, form.comment().strip());
				redirect.addFlashAttribute("success", "report.returned");
				return "redirect:/reports/" + reportId;
			}
			catch (DeliveryRefused refused) {
				redirect.addFlashAttribute("failure", refused.messageKey());
				return "redirect:/reports/" + reportId;
			}
			catch (ObjectOptimisticLockingFailureException conflict) {
				redirect.addFlashAttribute("failure", "report.conflict");
				return "redirect:/reports/" + reportId;
			}
		}
		return view(user, reportId, model);
	}

	private DirectiveCatalog.ReportPlan plan(CurrentUser user, long id) {
		return this.directives.reportPlan(this.delivery.own(user, id).getDirectiveId());
	}

	private String show(CurrentUser user, long id, LocalDate period, Report report, ReportForm form, Model model) {
		model.addAttribute("a", this.queries.assignment(id));
		model.addAttribute("period", period);
		model.addAttribute("report", report);
		FormModel.put(model, "form", form);
		model.addAttribute("plan", plan(user, id));
		model.addAttribute("progresses", ReportEntry.TaskProgress.values());
		model.addAttribute("files", (report != null) ? this.reports.files(report.getId()) : java.util.List.of());
		model.addAttribute("maxFiles", this.reports.maxFiles());
		return FORM;
	}

	/**
	 * Returning a report, with what to revise.
	 *
	 * @param comment what the unit should change
	 */
	record ReturnForm(@NotBlank @Size(max = 2000) String comment) {
	}

}
