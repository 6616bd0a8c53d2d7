package vn.edu.portal.dashboard;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.UnitScope;
import vn.edu.portal.directive.DirectiveCatalog;
import vn.edu.portal.directive.ReportDrafts;
import vn.edu.portal.organisation.UnitNotFoundException;
import vn.edu.portal.system.Formats;

/**
 * The periodic báo cáo drafted from a dashboard: the figures of the same scope, period
 * and filters, read by the same code as the dashboard page, written into a draft báo cáo
 * of the Department, which then follows the directives' approval, numbering and print.
 */
@Service
class PeriodicReports {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final Dashboards dashboards;

	private final ScopePolicy scope;

	private final ReportDrafts drafts;

	private final DirectiveCatalog directives;

	private final DashboardProperties properties;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	PeriodicReports(Dashboards dashboards, ScopePolicy scope, ReportDrafts drafts, DirectiveCatalog directives,
			DashboardProperties properties, MessageSource messages, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.dashboards = dashboards;
		this.scope = scope;
		this.drafts = drafts;
		this.directives = directives;
		this.properties = properties;
		this.messages = messages;
	}

	/**
	 * The unit whose scope a report is asked for, as the dashboard chooses it (the
	 * account's scope when {@code null}): 403 without the dashboard or to an account that
	 * may not draft, 404 outside the account's scope.
	 */
	long unitFor(CurrentUser user, Long unit) {
		if (!this.scope.permits(user, Permission.SEE_DASHBOARD) || !this.drafts.mayDraft(user)) {
			throw new AccessDeniedException("no report to draft");
		}
		UnitScope visible = this.scope.scopeOf(user);
		long shown = (unit != null) ? unit : (visible.rootUnitId() != null) ? visible.rootUnitId() : -1;
		boolean theScopeItself = Long.valueOf(shown).equals(visible.rootUnitId());
		if (shown < 0 || !(theScopeItself || this.scope.canSee(user, shown))) {
			throw new UnitNotFoundException(shown);
		}
		return shown;
	}

	/** The directive counted, if the reader may see it (404 otherwise). */
	DirectiveCatalog.Summary directive(CurrentUser user, Long directiveId) {
		return (directiveId != null) ? this.directives.summary(user, directiveId) : null;
	}

	/**
	 * Drafts the báo cáo of a unit's scope for a period, of one type of unit or one
	 * directive if chosen, to the body chosen.
	 * @return the draft's id
	 */
	long draft(CurrentUser user, long unit, DashboardPeriod period, String unitType, Long directiveId,
			ReportDrafts.Addressee to, UUID formKey) {
		DirectiveCatalog.Summary directive = directive(user, directiveId);
		Dashboards.View view = this.dashboards.view(unit, period, unitType, directiveId, UnitOrder.NAME, true).view();
		DashboardPeriod previousPeriod = period.previous();
		Figures previous = this.dashboards.table(unit, previousPeriod, unitType, directiveId, UnitOrder.NAME)
			.rows()
			.get(0);
		ReportText.Source source = new ReportText.Source(issuerName(user), view, period, previous, previousPeriod,
				(directive != null) ? describe(directive) : null,
				(unitType != null) ? message("unit.type." + unitType).toLowerCase(VIETNAMESE) : null,
				(category) -> message("incident.category." + category),
				(severity) -> message("incident.severity." + severity),
				new int[] { this.properties.acknowledgementWeight(), this.properties.reportWeight(),
						this.properties.incidentWeight() });
		return this.drafts.draft(user, ReportText.subject(source), to, ReportText.figures(source),
				ReportText.assessment(source), formKey);
	}

	/** "Kế hoạch số 05/KH-SGDĐT ngày 03/09/2026 về ...". */
	private String describe(DirectiveCatalog.Summary directive) {
		StringBuilder text = new StringBuilder(message("directive.type." + directive.type()));
		if (directive.numberAndSymbol() != null) {
			text.append(" số ").append(directive.numberAndSymbol());
		}
		if (directive.issuedOn() != null) {
			text.append(" ngày ").append(Formats.dayMonthYear(directive.issuedOn()));
		}
		return text.append(" về ").append(directive.subject()).toString();
	}

	/** The account's Department, as a sentence names it. */
	private String issuerName(CurrentUser user) {
		Long department = this.scope.scopeOf(user).rootUnitId();
		return unitName((department != null) ? department : user.unitId());
	}

	/** A unit's name. */
	String unitName(long unit) {
		return this.jdbc.sql("select name from unit where id = ?").param(unit).query(String.class).single();
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, key, VIETNAMESE);
	}

}
