package vn.edu.portal.dashboard;

import java.util.Comparator;
import java.util.Locale;

/**
 * The orders the units one level down can be shown in, each named by its {@code sort}
 * parameter (the name in lower case): by name unless another is asked, and by name among
 * units that order leaves equal.
 */
enum UnitOrder {

	NAME(null),

	/** Lowest score first, units without one last. */
	SCORE(Comparator.comparing(Figures::score, Comparator.nullsLast(Comparator.naturalOrder()))),

	/** Lowest share acknowledged on time first. */
	ACKNOWLEDGED(Comparator.comparing((Figures f) -> f.acknowledgedOnTime().share(),
			Comparator.nullsLast(Comparator.naturalOrder()))),

	/** Lowest share reported on time first. */
	REPORTED(Comparator.comparing((Figures f) -> f.reportedOnTime().share(),
			Comparator.nullsLast(Comparator.naturalOrder()))),

	/** Most reports overdue first. */
	OVERDUE(Comparator.comparing(Figures::reportsOverdue).reversed()),

	/** Most incidents open past their target first. */
	INCIDENTS(Comparator.comparing(Figures::incidentsOpenPastTarget).reversed());

	private final Comparator<Figures> units;

	UnitOrder(Comparator<Figures> first) {
		Comparator<Figures> byName = Comparator.comparing(Figures::name);
		this.units = (first != null) ? first.thenComparing(byName) : byName;
	}

	/**
	 * The order a request names.
	 * @param sort the request's {@code sort} parameter, or {@code null}
	 * @return that order, or by name when it names none
	 */
	static UnitOrder named(String sort) {
		for (UnitOrder order : values()) {
			if (order.parameter().equals(sort)) {
				return order;
			}
		}
		return NAME;
	}

	/** The {@code sort} parameter that names this order. */
	String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

	Comparator<Figures> units() {
		return this.units;
	}

}
