package vn.edu.portal.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.system.Formats;

/**
 * A dashboard as it is read: everything a page or an export shows of a unit's scope for a
 * period, read in one transaction, so that its figures are of one moment.
 */
@Service
class Dashboards {

	/** How many directives the page offers to choose from. */
	private static final int DIRECTIVES_OFFERED = 500;

	/** How many overdue deadlines the page lists at first, and at most. */
	private static final int PENDING_FIRST = 50;

	private static final int PENDING_ALL = 1000;

	/** The most months a trend shows: the last ones of a longer period. */
	private static final int TREND_MONTHS = 24;

	/**
	 * How many rows (units, deadlines, directives, months) the dashboards kept may hold
	 * in all: a Department's page holds a few hundred.
	 */
	private static final int KEPT_ROWS = 100_000;

	private final Cache<Key, Kept> kept = kept(Kept::weight);

	/**
	 * The incident figures of the dashboards kept, under the number of the state of what
	 * they read alone: the first view after an acknowledgement or a report works out the
	 * rest of its page, not years of incidents.
	 */
	private final Cache<IncidentsKey, DashboardQueries.Incidents> keptIncidents = kept(
			DashboardQueries.Incidents::weight);

	/**
	 * The figures of the settled incidents of the dashboards' periods (submitted before
	 * the start of the previous month), under the number of the state of what they read:
	 * the first view after a change to a recent incident adds them to the recent ones,
	 * read again, instead of working out years of incidents.
	 */
	private final Cache<SettledKey, IncidentCounts> keptSettled = kept(IncidentCounts::weight);

	/** The serial numbers of the dashboards worked out, from 1. */
	private final AtomicLong serials = new AtomicLong();

	private final ComplianceFigures figures;

	private final DashboardQueries queries;

	private final DashboardProperties properties;

	private final Formats formats;

	Dashboards(ComplianceFigures figures, DashboardQueries queries, DashboardProperties properties, Formats formats) {
		this.figures = figures;
		this.queries = queries;
		this.properties = properties;
		this.formats = formats;
	}

	/**
	 * A cache of what the dashboards worked out, each weighing its rows, forgotten an
	 * hour after it was last read; its upkeep done on the reading request, as
	 * RenderedOnce's.
	 */
	private static <K, V> Cache<K, V> kept(ToIntFunction<V> rows) {
		return Caffeine.newBuilder()
			.maximumWeight(KEPT_ROWS)
			.weigher((K key, V value) -> rows.applyAsInt(value))
			.expireAfterAccess(Duration.ofHours(1))
			.executor(Runnable::run)
			.build();
	}

	/**
	 * The whole page: figures, the units one level down, incidents, trend, who is late.
	 * Worked out once for each state of the data (see {@link Kept}), then kept; the units
	 * one level down in the order asked.
	 */
	@Transactional(readOnly = true)
	Shown view(long unitId, DashboardPeriod period, String unitType, Long directiveId, UnitOrder order,
			boolean allPending) {
		DashboardQueries.Scope scope = this.queries.scope(unitId);
		Selection selection = new Selection(unitId, scope.path(), period, unitType, directiveId);
		LocalDate today = this.formats.today();
		Key key = new Key(selection, allPending, today, scope.version());
		Kept kept = scope.changedHere() ? null : this.kept.getIfPresent(key);
		if (kept == null || !kept.holdsAt(scope.now())) {
			kept = work(selection, today, allPending, scope);
			if (scope.changedHere()) {
				return new Shown(Shown.NOT_KEPT, kept.view().withChildrenIn(order.units()));
			}
			this.kept.put(key, kept);
		}
		return new Shown(kept.serial(), kept.view().withChildrenIn(order.units()));
	}

	/**
	 * A dashboard as shown.
	 *
	 * @param keptAs the serial number of the dashboard kept, the same for every request
	 * it answers and never again for another: what is made of the page can be kept under
	 * it; {@link #NOT_KEPT} when nothing may be
	 * @param view the page, the units one level down in the order asked
	 */
	record Shown(long keptAs, View view) {

		static final long NOT_KEPT = 0;

		boolean kept() {
			return this.keptAs != NOT_KEPT;
		}

	}

	private Kept work(Selection selection, LocalDate today, boolean allPending, DashboardQueries.Scope scope) {
		ZoneId zone = this.formats.zone();
		DashboardQueries.Incidents incidents = incidents(selection, today, scope);
		List<Figures> all = figures(selection, incidents, UnitOrder.NAME, today);
		List<Figures> children = all.subList(1, all.size());
		int shown = allPending ? PENDING_ALL : PENDING_FIRST;
		List<DashboardQueries.Pending> pending = this.queries.notResponded(selection, today, zone, shown + 1);
		DashboardQueries.Copies copies = this.queries.copiesAndRequests(selection, today, zone);
		List<Month> trend = trend(selection, today);
		return new Kept(this.serials.incrementAndGet(),
				new View(all.get(0), children, incidents.by(), incidents.medians(), trend,
						incidentMonths(trend, incidents.months()), distribution(children),
						pending.subList(0, Math.min(shown, pending.size())), pending.size() > shown,
						this.queries.directivesOf(selection, today, zone, DIRECTIVES_OFFERED),
						copies.reportsResembling(), copies.requests()),
				incidents);
	}

	/**
	 * A dashboard's incident figures: those kept under the number of the state of what
	 * they read, or worked out (and kept, unless this transaction has changed the data).
	 */
	private DashboardQueries.Incidents incidents(Selection selection, LocalDate today, DashboardQueries.Scope scope) {
		YearMonth monthsFrom = firstTrendMonth(selection.period());
		IncidentsKey key = new IncidentsKey(selection, monthsFrom, today, scope.incidentsVersion());
		DashboardQueries.Incidents incidents = scope.changedHere() ? null : this.keptIncidents.getIfPresent(key);
		if (incidents == null || !incidents.holdAt(scope.now())) {
			incidents = workIncidents(selection, monthsFrom, today, scope);
			if (!scope.changedHere()) {
				this.keptIncidents.put(key, incidents);
			}
		}
		return incidents;
	}

	/**
	 * A dashboard's incident figures worked out: those of its recent incidents read, and
	 * those of its settled ones kept under their own number, or read with them (and kept,
	 * unless this transaction has changed the data).
	 */
	private DashboardQueries.Incidents workIncidents(Selection selection, YearMonth monthsFrom, LocalDate today,
			DashboardQueries.Scope scope) {
		ZoneId zone = this.formats.zone();
		SettledKey settledKey = new SettledKey(selection, monthsFrom, scope.settledBefore(), scope.settledVersion());
		IncidentCounts settled = scope.changedHere() ? null : this.keptSettled.getIfPresent(settledKey);
		DashboardQueries.IncidentReading reading = this.queries.incidents(selection, monthsFrom, today, zone,
				scope.settledBefore(), settled == null);
		if (reading.settled() != null) {
			settled = reading.settled();
			if (!scope.changedHere()) {
				this.keptSettled.put(settledKey, settled);
			}
		}
		return reading.with(settled);
	}

	/**
	 * What the figures of a period's settled incidents are worked out from: the choice,
	 * the first month counted by month, where the settled incidents end, and the number
	 * of the state of what they read.
	 */
	private record SettledKey(Selection selection, YearMonth monthsFrom, Instant settledBefore, UUID version) {
	}

	/**
	 * What a dashboard's incident figures are worked out from: the choice, the first
	 * month counted by month, the day and the number of the state of what they read.
	 */
	private record IncidentsKey(Selection selection, YearMonth monthsFrom, LocalDate today, UUID version) {
	}

	/**
	 * What a dashboard is worked out from: the choice, the day (what is overdue depends
	 * on it) and the number of the state of the data (moved by the database in the same
	 * transaction as any change to what the dashboard reads).
	 */
	private record Key(Selection selection, boolean allPending, LocalDate today, UUID version) {
	}

	/**
	 * A dashboard worked out, and until when it holds with no change to the data: an open
	 * incident that passes its target for triage changes the figures by the clock alone.
	 * It is exact by construction: under its key, the same statements would read the
	 * same.
	 */
	private record Kept(long serial, View view, DashboardQueries.Incidents incidents) {

		boolean holdsAt(Instant now) {
			return this.incidents.holdAt(now);
		}

		int weight() {
			return 1 + this.view.children().size() + this.view.pending().size() + this.view.directives().size()
					+ this.view.trend().size() + this.view.requests().size();
		}

	}

	/**
	 * The incidents of the trend's months by category: a row a month, a column for each
	 * category that has any in those months.
	 */
	private static IncidentMonths incidentMonths(List<Month> trend, List<DashboardQueries.MonthCount> counts) {
		Map<YearMonth, Map<String, Long>> byMonth = new LinkedHashMap<>();
		trend.forEach((month) -> byMonth.put(month.month(), new HashMap<>()));
		Set<String> categories = new TreeSet<>();
		counts.stream().filter((count) -> byMonth.containsKey(count.month())).forEach((count) -> {
			byMonth.get(count.month()).merge(count.category(), count.count(), Long::sum);
			categories.add(count.category());
		});
		List<IncidentMonths.Row> rows = new ArrayList<>();
		byMonth.forEach((month, of) -> rows.add(new IncidentMonths.Row(Month.label(month),
				categories.stream().map((category) -> of.getOrDefault(category, 0L)).toList())));
		return new IncidentMonths(List.copyOf(categories), rows);
	}

	/**
	 * The unit's figures, then those of the units one level down in the order asked. A
	 * table has no chart: its incidents' months are asked for only from after the period,
	 * so that none of the period's is worked out.
	 */
	@Transactional(readOnly = true)
	Table table(long unitId, DashboardPeriod period, String unitType, Long directiveId, UnitOrder order) {
		Selection selection = select(unitId, period, unitType, directiveId);
		LocalDate today = this.formats.today();
		return new Table(
				figures(selection,
						this.queries
							.incidents(selection, YearMonth.from(period.to()).plusMonths(1), today, this.formats.zone(),
									null, false)
							.with(null),
						order, today),
				this.queries.copiesAndRequests(selection, today, this.formats.zone()).reportsResembling());
	}

	/**
	 * A dashboard's table.
	 *
	 * @param rows the unit's figures, then those of the units one level down
	 * @param reportsResembling for each unit of a row, how many of its reports resemble
	 * another unit's (none when absent)
	 */
	record Table(List<Figures> rows, Map<Long, Long> reportsResembling) {
	}

	private Selection select(long unitId, DashboardPeriod period, String unitType, Long directiveId) {
		return new Selection(unitId, this.queries.scope(unitId).path(), period, unitType, directiveId);
	}

	private List<Figures> figures(Selection selection, DashboardQueries.Incidents incidents, UnitOrder order,
			LocalDate today) {
		List<Figures> all = this.figures.of(this.queries.unitAndChildren(selection.unitId()), selection,
				incidents.rows(), today, this.formats.zone());
		List<Figures> children = new ArrayList<>(all.subList(1, all.size()));
		children.sort(order.units());
		List<Figures> ordered = new ArrayList<>();
		ordered.add(all.get(0));
		ordered.addAll(children);
		return ordered;
	}

	/**
	 * The on-time rates of each month of the period (its last months, if long), for the
	 * unit's scope.
	 */
	private List<Month> trend(Selection selection, LocalDate today) {
		DashboardPeriod period = selection.period();
		YearMonth first = firstTrendMonth(period);
		YearMonth last = YearMonth.from(period.to());
		LocalDate start = first.atDay(1).isBefore(period.from()) ? period.from() : first.atDay(1);
		Map<String, Rate[]> rates = this.queries.monthly(
				selection.forPeriod(new DashboardPeriod(DashboardPeriod.Kind.CUSTOM, start, period.to())), today,
				this.formats.zone());
		List<Month> months = new ArrayList<>();
		Rate none = new Rate(0, 0);
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			Rate[] of = rates.getOrDefault(Month.label(month), new Rate[] { none, none });
			months.add(new Month(month, of[0], of[1]));
		}
		return months;
	}

	/**
	 * The first month a trend shows: the period's, or of its last months if it is long.
	 */
	private static YearMonth firstTrendMonth(DashboardPeriod period) {
		YearMonth first = YearMonth.from(period.from());
		YearMonth last = YearMonth.from(period.to());
		return first.plusMonths(TREND_MONTHS - 1).isBefore(last) ? last.minusMonths(TREND_MONTHS - 1) : first;
	}

	/** How many units one level down have a score in each band, and how many none. */
	private Map<String, Long> distribution(List<Figures> children) {
		Map<String, Long> bands = new LinkedHashMap<>();
		for (String band : List.of("red", "amber", "green", "none")) {
			bands.put(band, 0L);
		}
		children.forEach((child) -> bands.merge(this.properties.band(child.score()), 1L, Long::sum));
		return bands;
	}

	/**
	 * What a dashboard page shows.
	 *
	 * @param main the figures of the unit's scope
	 * @param children those of the units one level down, in the order asked
	 * @param incidentsBy incidents by category, severity and status
	 * @param medians their median times
	 * @param trend the on-time rates month by month
	 * @param incidentMonths incidents by month and category, of the months of the trend
	 * @param distribution the units one level down by score band
	 * @param pending the overdue deadlines, the oldest first
	 * @param pendingMore whether there are more than those
	 * @param directives the directives to choose from
	 * @param reportsResembling for each unit of a row, how many of its reports resemble
	 * another unit's (none when absent)
	 * @param requests the requests made about incidents, by platform
	 */
	record View(Figures main, List<Figures> children, Map<String, List<DashboardQueries.Count>> incidentsBy,
			DashboardQueries.Medians medians, List<Month> trend, IncidentMonths incidentMonths,
			Map<String, Long> distribution, List<DashboardQueries.Pending> pending, boolean pendingMore,
			List<DashboardQueries.DirectiveChoice> directives, Map<Long, Long> reportsResembling,
			List<DashboardQueries.PlatformRequests> requests) {

		/** The same page with the units one level down in another order. */
		View withChildrenIn(Comparator<Figures> order) {
			List<Figures> ordered = new ArrayList<>(this.children);
			ordered.sort(order);
			return new View(this.main, List.copyOf(ordered), this.incidentsBy, this.medians, this.trend,
					this.incidentMonths, this.distribution, this.pending, this.pendingMore, this.directives,
					this.reportsResembling, this.requests);
		}

	}

	/**
	 * A month of the trend.
	 *
	 * @param month the month
	 * @param acknowledgedOnTime on-time acknowledgement
	 * @param reportedOnTime on-time reporting
	 */
	record Month(YearMonth month, Rate acknowledgedOnTime, Rate reportedOnTime) {

		/**
		 * Made once: a label is made several times for each month of a page, and
		 * {@code String.format} parsing its pattern each time was 2% of the dashboard.
		 */
		private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM/yyyy");

		/** The month as MM/yyyy. */
		public String label() {
			return label(this.month);
		}

		static String label(YearMonth month) {
			return LABEL.format(month);
		}

	}

	/**
	 * Incidents month by month and by category.
	 *
	 * @param categories the categories that have any, in order
	 * @param months a row a month
	 */
	record IncidentMonths(List<String> categories, List<Row> months) {

		/**
		 * A month's incidents.
		 *
		 * @param label MM/yyyy
		 * @param counts how many of each category, in the order of the categories
		 */
		record Row(String label, List<Long> counts) {
		}

	}

}
