package vn.edu.portal.api;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.edu.portal.delivery.Reports;
import vn.edu.portal.delivery.Reports.PeriodView;
import vn.edu.portal.delivery.Reports.ReportView;
import vn.edu.portal.delivery.Reports.Submission;

/**
 * Implementation reports: read ({@code reports:read}) by their unit, or by the Department
 * that reviews them once submitted; the periods an assignment owes, and a period's report
 * submitted by the unit's leader ({@code reports:write}). Any other unit's answers 404.
 */
@RestController
class ReportApi {

	private final Reports reports;

	ReportApi(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/reports/{id}")
	@PreAuthorize("hasAuthority('SCOPE_reports:read')")
	ReportView read(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
		return this.reports.report(caller.user(), id);
	}

	/** The periods an assignment of the caller's unit owes reports for. */
	@GetMapping("/api/v1/inbox/{assignmentId}/reports")
	@PreAuthorize("hasAuthority('SCOPE_reports:read')")
	List<PeriodView> periods(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long assignmentId) {
		return this.reports.periods(caller.user(), assignmentId);
	}

	/**
	 * Submits the report of a period (its deadline, {@code yyyy-MM-dd}): one row per task
	 * of the directive, in order. Sent again after it was submitted, it changes nothing
	 * and answers {@code submittedNow: false}.
	 */
	@PostMapping("/api/v1/inbox/{assignmentId}/reports/{period}")
	@PreAuthorize("hasAuthority('SCOPE_reports:write')")
	Submission submit(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long assignmentId,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period, @RequestBody ReportBody body)
			throws BindException {
		return this.reports.submit(caller.user(), assignmentId, period, body.tasks(), body.figures());
	}

	/**
	 * A report as sent.
	 *
	 * @param tasks one row per task of the directive, in order
	 * @param figures the figures given (sessions held, students reached...), optional
	 */
	record ReportBody(List<ReportView.Task> tasks, String figures) {
	}

}
