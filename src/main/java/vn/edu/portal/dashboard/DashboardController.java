package vn.edu.portal.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
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
import vn.edu.portal.system.Downloads;
import vn.edu.portal.system.Formats;
import vn.edu.portal.system.TabularExport;

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

	private final MessageSource messages;

	private final AuditLog audit;

	private final ManualReminders reminders;

	private final DirectiveCatalog directives;

	DashboardController(Dashboards dashboards, DashboardQueries queries, DashboardProperties properties,
			ScopePolicy scope, Formats formats, MessageSource messages, AuditLog audit, ManualReminders reminders,
			DirectiveCatalog directives) {
		this.directives = directives;
		this.reminders = reminders;
		this.messages = messages;
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
			Model model) {
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
		Dashboards.View view = this.dashboards.view(shown, choice.period(), unitType, directive, sort, allPending);
		model.addAttribute("main", view.main());
		model.addAttribute("children", view.children());
		model.addAttribute("sort", sort);
		model.addAttribute("incidentsBy", view.incidentsBy());
		model.addAttribute("medians", view.medians());
		model.addAttribute("trend", view.trend());
		model.addAttribute("incidentMonths", view.incidentMonths());
		model.addAttribute("distribution", view.distribution());
		model.addAttribute("pending", view.pending());
		model.addAttribute("pendingMore", view.pendingMore() && !allPending);
		model.addAttribute("pendingCapped", view.pendingMore() && allPending);
		model.addAttribute("directives", view.directives());
		return "dashboard/index";
	}

	/** A unit type to count only, or none; anything else than a type is refused (400). */
	private static String unitType(String type) {
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
		boolean sent = this.reminders.remind(assignment, report, deadline, this.formats.today());
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
		List<Figures> rows = this.dashboards.table(shown, choice.period(), unitType(type), directive, sort);
		this.audit.record("DASHBOARD_EXPORTED", "UNIT", shown, Map.of("format", csv ? "csv" : "xlsx", "from",
				choice.period().from().toString(), "to", choice.period().to().toString()));
		List<String> header = COLUMNS.stream()
			.map((column) -> this.messages.getMessage("dashboard.export." + column, null, locale))
			.toList();
		String name = "theo-doi-" + rows.get(0).code() + "-" + choice.period().from() + "-" + choice.period().to();
		return Downloads.attachment(name + (csv ? ".csv" : ".xlsx"), csv ? Downloads.CSV : Downloads.XLSX, (out) -> {
			if (csv) {
				TabularExport.csv(out, header, rows.stream().map((figures) -> values(figures, true)));
			}
			else {
				TabularExport.xlsx(out, this.messages.getMessage("dashboard.title", null, locale), header, KINDS,
						rows.stream().map((figures) -> values(figures, false)));
			}
		});
	}

	private static final List<String> COLUMNS = List.of("code", "unit", "score", "ackExpected", "ackDone", "ackOnTime",
			"ackOnTimeRate", "repExpected", "repSubmitted", "repOnTime", "repOnTimeRate", "repAccepted", "repOverdue",
			"incidents", "incidentsWithinTarget", "incidentsWithinTargetRate", "incidentsOpenPastTarget");

	private static final List<TabularExport.Column> KINDS = List.of(TabularExport.Column.TEXT,
			TabularExport.Column.TEXT, TabularExport.Column.NUMBER, TabularExport.Column.NUMBER,
			TabularExport.Column.NUMBER, TabularExport.Column.NUMBER, TabularExport.Column.PERCENT,
			TabularExport.Column.NUMBER, TabularExport.Column.NUMBER, TabularExport.Column.NUMBER,
			TabularExport.Column.PERCENT, TabularExport.Column.NUMBER, TabularExport.Column.NUMBER,
			TabularExport.Column.NUMBER, TabularExport.Column.NUMBER, TabularExport.Column.PERCENT,
			TabularExport.Column.NUMBER);

	/** A row of an export: rates as shares for the workbook, as percentages for CSV. */
	private static List<String> values(Figures f, boolean csv) {
		return java.util.Arrays.asList(f.code(), f.name(), (f.score() != null) ? String.valueOf(f.score()) : null,
				String.valueOf(f.acknowledged().expected()), String.valueOf(f.acknowledged().done()),
				String.valueOf(f.acknowledgedOnTime().done()), rate(f.acknowledgedOnTime(), csv),
				String.valueOf(f.reported().expected()), String.valueOf(f.reported().done()),
				String.valueOf(f.reportedOnTime().done()), rate(f.reportedOnTime(), csv),
				String.valueOf(f.accepted().done()), String.valueOf(f.reportsOverdue()), String.valueOf(f.incidents()),
				String.valueOf(f.incidentsWithinTarget().done()), rate(f.incidentsWithinTarget(), csv),
				String.valueOf(f.incidentsOpenPastTarget()));
	}

	private static String rate(Rate rate, boolean csv) {
		if (rate.share() == null) {
			return null;
		}
		return csv ? rate.percent() + "%" : String.format(Locale.ROOT, "%.4f", rate.share());
	}

	private UnitScope visibleScope(CurrentUser user) {
		if (!this.scope.permits(user, Permission.SEE_DASHBOARD)) {
			throw new AccessDeniedException("no dashboard");
		}
		return this.scope.scopeOf(user);
	}

	private long shownUnit(CurrentUser user, Long unit, UnitScope visible) {
		long shown = (unit != null) ? unit : (visible.rootUnitId() != null) ? visible.rootUnitId() : -1;
		if (shown < 0 || !this.scope.canSee(user, shown)) {
			throw new UnitNotFoundException(shown);
		}
		return shown;
	}

	/**
	 * The period asked for, as typed, and the period it makes or why it makes none.
	 *
	 * @param kind month, quarter, school year, calendar year or custom
	 * @param year the year (of a school year, its first)
	 * @param month the month, 1 to 12
	 * @param quarter the quarter, 1 to 4
	 * @param from the first day of a custom period, dd/MM/yyyy
	 * @param to its last day
	 * @param period the period; {@code null} when the input makes none
	 * @param error the message key of what is wrong, or {@code null}
	 */
	record PeriodChoice(DashboardPeriod.Kind kind, String year, String month, String quarter, String from, String to,
			DashboardPeriod period, String error) {

		static PeriodChoice of(String kind, String year, String month, String quarter, String from, String to,
				LocalDate today) {
			DashboardPeriod.Kind chosen = DashboardPeriod.Kind.SCHOOL_YEAR;
			try {
				if (kind != null && !kind.isBlank()) {
					chosen = DashboardPeriod.Kind.valueOf(kind);
				}
			}
			catch (IllegalArgumentException ex) {
				return new PeriodChoice(chosen, year, month, quarter, from, to, null, "dashboard.period.invalid");
			}
			int defaultYear = (chosen == DashboardPeriod.Kind.SCHOOL_YEAR) ? DashboardPeriod.schoolYearOf(today)
					: today.getYear();
			String y = blank(year) ? String.valueOf(defaultYear) : year.strip();
			String m = blank(month) ? String.valueOf(today.getMonthValue()) : month.strip();
			String q = blank(quarter) ? String.valueOf((today.getMonthValue() - 1) / 3 + 1) : quarter.strip();
			try {
				DashboardPeriod period = switch (chosen) {
					case MONTH -> DashboardPeriod.month(number(y, 2000, 2100), number(m, 1, 12));
					case QUARTER -> DashboardPeriod.quarter(number(y, 2000, 2100), number(q, 1, 4));
					case SCHOOL_YEAR -> DashboardPeriod.schoolYear(number(y, 2000, 2100));
					case YEAR -> DashboardPeriod.year(number(y, 2000, 2100));
					case CUSTOM -> custom(from, to);
				};
				return new PeriodChoice(chosen, y, m, q, from, to, period, null);
			}
			catch (Refused refused) {
				return new PeriodChoice(chosen, y, m, q, from, to, null, refused.getMessage());
			}
		}

		private static DashboardPeriod custom(String from, String to) {
			LocalDate first = day(from);
			LocalDate last = day(to);
			if (last.isBefore(first)) {
				throw new Refused("dashboard.period.endBeforeStart");
			}
			if (ChronoUnit.YEARS.between(first, last.plusDays(1)) > DashboardPeriod.MAX_YEARS
					|| first.plusYears(DashboardPeriod.MAX_YEARS).isBefore(last)) {
				throw new Refused("dashboard.period.tooLong");
			}
			return new DashboardPeriod(DashboardPeriod.Kind.CUSTOM, first, last);
		}

		private static LocalDate day(String text) {
			if (blank(text)) {
				throw new Refused("dashboard.period.daysNeeded");
			}
			try {
				return Formats.parseDayMonthYear(text.strip());
			}
			catch (RuntimeException ex) {
				throw new Refused("dashboard.period.badDay");
			}
		}

		private static int number(String text, int min, int max) {
			try {
				int value = Integer.parseInt(text);
				if (value < min || value > max) {
					throw new Refused("dashboard.period.invalid");
				}
				return value;
			}
			catch (NumberFormatException ex) {
				throw new Refused("dashboard.period.invalid");
			}
		}

		private static boolean blank(String text) {
			return text == null || text.isBlank();
		}

	}

	/** An input that makes no period, with the message key of why. */
	private static final class Refused extends RuntimeException {

		Refused(String messageKey) {
			super(messageKey);
		}

	}

}
