package vn.edu.portal.dashboard;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.UnitScope;
import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.notification.ManualReminders;
import vn.edu.portal.organisation.UnitNotFoundException;
import vn.edu.portal.organisation.UnitType;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.WritesWhenViewed;

/**
 * The compliance dashboard of a unit's scope for a period: its figures and score, the
 * units one level down (each a link down, with the way back up), and its incidents.
 * Department staff see every unit of the Department; a unit leader its own scope; any
 * other unit answers 404.
 */
@Controller
class DashboardController {

	private final Dashboards dashboards;

	private final DashboardQueries queries;

	private final DashboardProperties properties;

	private final ScopePolicy scope;

	private final Formats formats;

	private final DashboardExports exports;

	private final AuditLog audit;

	private final ManualReminders reminders;

	private final DirectiveCatalog directives;

	private final RenderedFigures figures;

	DashboardController(Dashboards dashboards, DashboardQueries queries, DashboardProperties properties,
			ScopePolicy scope, Formats formats, DashboardExports exports, AuditLog audit, ManualReminders reminders,
			DirectiveCatalog directives, RenderedFigures figures) {
		this.figures = figures;
		this.directives = directives;
		this.reminders = reminders;
		this.exports = exports;
		this.audit = audit;
		this.dashboards = dashboards;
		this.queries = queries;
		this.properties = properties;
		this.scope = scope;
		this.formats = formats;
	}

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String year,
			@RequestParam(required = false) String month, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String type, @RequestParam(required = false) Long directive,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(required = false) String pending,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		UnitOrder order = UnitOrder.named(sort);
		UnitScope visible = visibleScope(user);
		long shown = shownUnit(user, unit, visible);
		PeriodChoice choice = PeriodChoice.of(kind, year, month, quarter, from, to, this.formats.today());
		String unitType = unitType(type);
		model.addAttribute("choice", choice);
		model.addAttribute("kinds", DashboardPeriod.Kind.values());
		model.addAttribute("unitTypes", UnitType.values());
		model.addAttribute("unitType", unitType);
		model.addAttribute("directiveId", directive);
		model.addAttribute("unitId", shown);
		model.addAttribute("crumbs", this.queries.breadcrumbs(shown, visible.path()));
		model.addAttribute("properties", this.properties);
		if (directive != null) {
			model.addAttribute("directive", this.directives.summary(user, directive));
		}
		if (choice.period() == null) {
			return "dashboard/index";
		}
		boolean allPending = "all".equals(pending);
		Dashboards.Shown dashboard = this.dashboards.view(shown, choice.period(), unitType, directive, order,
				allPending);
		Dashboards.View view = dashboard.view();
		model.addAttribute("main", view.main());
		model.addAttribute("children", view.children());
		model.addAttribute("sort", order.parameter());
		model.addAttribute("incidentsBy", view.incidentsBy());
		model.addAttribute("medians", view.medians());
		model.addAttribute("trend", view.trend());
		model.addAttribute("incidentMonths", view.incidentMonths());
		model.addAttribute("distribution", view.distribution());
		model.addAttribute("pending", view.pending());
		model.addAttribute("pendingMore", view.pendingMore() && !allPending);
		model.addAttribute("pendingCapped", view.pendingMore() && allPending);
		model.addAttribute("directives", view.directives());
		model.addAttribute("resembling", view.reportsResembling());
		model.addAttribute("requests", view.requests());
		model.addAttribute("figures", this.figures.of(dashboard, order, choice, unitType, directive, locale,
				model.asMap(), request, response));
		return "dashboard/index";
	}

	/** A unit type to count only, or none; anything else than a type is refused (400). */
	static String unitType(String type) {
		if (type == null || type.isBlank()) {
			return null;
		}
		return java.util.Arrays.stream(UnitType.values())
			.map(Enum::name)
			.filter(type.strip()::equals)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "type"));
	}

	/**
	 * Reminds a unit that has not responded, through the notifications, at most once a
	 * day for each deadline; back to the same dashboard.
	 */
	@PostMapping("/dashboard/remind")
	String remind(@AuthenticationPrincipal CurrentUser user, @RequestParam long assignment,
			@RequestParam boolean report, @RequestParam String due, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		visibleScope(user);
		long unit = this.queries.unitOf(assignment).orElseThrow(() -> new UnitNotFoundException(assignment));
		if (!this.scope.canSee(user, unit)) {
			throw new UnitNotFoundException(unit);
		}
		LocalDate deadline;
		try {
			deadline = LocalDate.parse(due);
		}
		catch (RuntimeException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "due");
		}
		LocalDate today = this.formats.today();
		if (!this.queries.isMissed(assignment, report, deadline, today)) {
			// Only a deadline the unit has missed, as the dashboard lists it, is
			// reminded.
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "due");
		}
		boolean sent = this.reminders.remind(assignment, report, deadline, today);
		this.audit.record("REMINDER_REQUESTED", "ASSIGNMENT", assignment,
				Map.of("report", report, "due", due, "sent", sent));
		redirect.addFlashAttribute(sent ? "success" : "failure",
				sent ? "dashboard.reminded" : "dashboard.remindedAlready");
		boolean sameDashboard = back != null && back.startsWith("/dashboard?") && !back.contains("//");
		return "redirect:" + (sameDashboard ? back : "/dashboard");
	}

	/**
	 * The unit's figures and those of the units one level down, as a workbook (rates as
	 * percentages, header frozen) or as CSV (UTF-8 with BOM), with Vietnamese column
	 * names; no names of people. Audited.
	 */
	@WritesWhenViewed
	@GetMapping({ "/dashboard.xlsx", "/dashboard.csv" })
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String year, @RequestParam(required = false) String month,
			@RequestParam(required = false) String quarter, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String type,
			@RequestParam(required = false) Long directive, @RequestParam(defaultValue = "name") String sort,
			HttpServletRequest request, Locale locale) {
		UnitScope visible = visibleScope(user);
		long shown = shownUnit(user, unit, visible);
		PeriodChoice choice = PeriodChoice.of(kind, year, month, quarter, from, to, this.formats.today());
		if (choice.period() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, choice.error());
		}
		if (directive != null) {
			this.directives.summary(user, directive);
		}
		boolean csv = request.getRequestURI().endsWith(".csv");
		Dashboards.Table table = this.dashboards.table(shown, choice.period(), unitType(type), directive,
				UnitOrder.named(sort));
		return this.exports.download(table.rows(), table.reportsResembling(), choice.period(), csv, locale);
	}

	private UnitScope visibleScope(CurrentUser user) {
		if (!this.scope.permits(user, Permission.SEE_DASHBOARD)) {
			throw new AccessDeniedException("no dashboard");
		}
		return this.scope.scopeOf(user);
	}

	private long shownUnit(CurrentUser user, Long unit, UnitScope visible) {
		long shown = (unit != null) ? unit : (visible.rootUnitId() != null) ? visible.rootUnitId() : -1;
		boolean theScopeItself = Long.valueOf(shown).equals(visible.rootUnitId());
		if (shown < 0 || !(theScopeItself || this.scope.canSee(user, shown))) {
			throw new UnitNotFoundException(shown);
		}
		return shown;
	}

}
