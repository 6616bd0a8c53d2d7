package vn.edu.portal.dashboard;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.UnitScope;
import vn.edu.portal.organisation.UnitNotFoundException;
import vn.edu.portal.system.Formats;

/**
 * The dashboard's figures for other modules (the API): the same figures as the page and
 * its exports, under the same rules: 403 without the dashboard, 404 for a unit outside
 * the account's scope.
 */
@Service
public class DashboardFigures {

	private final Dashboards dashboards;

	private final ScopePolicy scope;

	private final Formats formats;

	DashboardFigures(Dashboards dashboards, ScopePolicy scope, Formats formats) {
		this.dashboards = dashboards;
		this.scope = scope;
		this.formats = formats;
	}

	/**
	 * The figures of a unit (the account's scope when {@code null}) and of its units one
	 * level down, for a period chosen as on the page ({@code kind} MONTH, QUARTER,
	 * SCHOOL_YEAR, YEAR or CUSTOM with {@code from} and {@code to} as dd/MM/yyyy).
	 * @throws BadPeriod when the input makes no period
	 */
	public Result of(CurrentUser user, Long unit, String kind, String year, String month, String quarter, String from,
			String to) {
		if (!this.scope.permits(user, Permission.SEE_DASHBOARD)) {
			throw new AccessDeniedException("no dashboard");
		}
		UnitScope visible = this.scope.scopeOf(user);
		long shown = (unit != null) ? unit : (visible.rootUnitId() != null) ? visible.rootUnitId() : -1;
		boolean theScopeItself = Long.valueOf(shown).equals(visible.rootUnitId());
		if (shown < 0 || !(theScopeItself || this.scope.canSee(user, shown))) {
			throw new UnitNotFoundException(shown);
		}
		PeriodChoice choice = PeriodChoice.of(kind, year, month, quarter, from, to, this.formats.today());
		if (choice.period() == null) {
			throw new BadPeriod(choice.error());
		}
		List<Figures> all = this.dashboards.table(shown, choice.period(), null, null, UnitOrder.NAME).rows();
		return new Result(choice.period().kind().name(), choice.period().from(), choice.period().to(), all.get(0),
				all.subList(1, all.size()));
	}

	/**
	 * A unit's figures for a period.
	 *
	 * @param kind how the period was chosen
	 * @param from its first day
	 * @param to its last day
	 * @param unit the figures of the unit's scope
	 * @param children those of each unit one level down, by name
	 */
	public record Result(String kind, LocalDate from, LocalDate to, Figures unit, List<Figures> children) {
	}

	/** An input that makes no period; its message is the key of why. */
	public static final class BadPeriod extends RuntimeException {

		BadPeriod(String messageKey) {
			super(messageKey);
		}

	}

}
