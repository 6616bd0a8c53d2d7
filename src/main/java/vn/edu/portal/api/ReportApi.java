package vn.edu.portal.api;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.edu.portal.delivery.Reports;
import vn.edu.portal.delivery.Reports.ReportView;

/**
 * Implementation reports, for a token with {@code reports:read}: the unit's own, or those
 * its Department reviews once submitted; any other answers 404.
 */
@RestController
@RequestMapping("/api/v1/reports")
@PreAuthorize("hasAuthority('SCOPE_reports:read')")
class ReportApi {

	private final Reports reports;

	ReportApi(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/{id}")
	ReportView read(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable long id) {
		return this.reports.report(caller.user(), id);
	}

}
