package vn.edu.portal.api;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.edu.portal.dashboard.DashboardFigures;

/**
 * The compliance figures of a unit and a period, for a token with {@code dashboard:read}:
 * the same figures as the dashboard page and its exports. The period is chosen as on the
 * page: {@code kind} MONTH, QUARTER, SCHOOL_YEAR (the default) , YEAR or CUSTOM
 * ({@code from} and {@code to} as dd/MM/yyyy). A unit outside the token owner's scope
 * answers 404.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@PreAuthorize("hasAuthority('SCOPE_dashboard:read')")
class DashboardApi {

	private final DashboardFigures figures;

	DashboardApi(DashboardFigures figures) {
		this.figures = figures;
	}

	@GetMapping
	DashboardFigures.Result figures(@AuthenticationPrincipal ApiPrincipal caller,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String year, @RequestParam(required = false) String month,
			@RequestParam(required = false) String quarter, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return this.figures.of(caller.user(), unit, kind, year, month, quarter, from, to);
	}

}
