package vn.edu.portal.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the incidents submitted in a part of a period, which add up with those
 * of another part: counts, and the times measured themselves, from which the medians of
 * the whole are found. A period's settled incidents are kept so (see {@link Dashboards})
 * and added to its recent ones, read again after each change.
 *
 * @param rows for each unit one level down (and the root), how many were submitted and
 * how many of them within target
 * @param by for each of category, severity and status, how many of each value
 * @param months for each month counted by month, how many of each category
 * @param durations the times measured, in seconds, each sorted: from detection to report,
 * from report to triage, from report to resolution
 */
record IncidentCounts(Map<Long, long[]> rows, Map<String, Map<String, Long>> by,
		Map<YearMonth, Map<String, Long>> months, double[][] durations) {

	/** What {@code by} counts, in the order the page shows them. */
	static final List<String> BY = List.of("category", "severity", "status");

	/**
	 * The durations: from detection to report, report to triage, report to resolution.
	 */
	static final int DURATIONS = 3;

	/** The same counts with those of another part of the period. */
	IncidentCounts plus(IncidentCounts other) {
		Map<Long, long[]> sumRows = new HashMap<>();
		for (IncidentCounts part : List.of(this, other)) {
			part.rows.forEach((row, counts) -> {
				long[] sum = sumRows.computeIfAbsent(row, (id) -> new long[counts.length]);
				for (int i = 0; i < counts.length; i++) {
					sum[i] += counts[i];
				}
			});
		}
		Map<String, Map<String, Long>> sumBy = new HashMap<>();
		Map<YearMonth, Map<String, Long>> sumMonths = new HashMap<>();
		for (IncidentCounts part : List.of(this, other)) {
			part.by.forEach((what, counts) -> counts.forEach((value,
					count) -> sumBy.computeIfAbsent(what, (w) -> new HashMap<>()).merge(value, count, Long::sum)));
			part.months.forEach((month, counts) -> counts
				.forEach((category, count) -> sumMonths.computeIfAbsent(month, (m) -> new HashMap<>())
					.merge(category, count, Long::sum)));
		}
		double[][] sumDurations = new double[DURATIONS][];
		for (int i = 0; i < DURATIONS; i++) {
			sumDurations[i] = merged(this.durations[i], other.durations[i]);
		}
		return new IncidentCounts(sumRows, sumBy, sumMonths, sumDurations);
	}

	/**
	 * The figures a dashboard shows: these counts, with, for the incidents still open
	 * whenever submitted, those past a target by row and the next moment one passes its
	 * target for triage.
	 * @param openLate for each row, how many open incidents are past a target
	 * @param changesAt the next moment at which an open incident passes its target for
	 * triage, or {@code null}
	 */
	DashboardQueries.Incidents with(Map<Long, Long> openLate, Instant changesAt) {
		Map<Long, long[]> all = new LinkedHashMap<>();
		this.rows.forEach((row, counts) -> all.put(row, new long[] { counts[0], counts[1], 0 }));
		openLate.forEach((row, late) -> all.computeIfAbsent(row, (id) -> new long[3])[2] = late);
		Map<String, List<DashboardQueries.Count>> counted = new LinkedHashMap<>();
		for (String what : BY) {
			counted.put(what,
					this.by.getOrDefault(what, Map.of())
						.entrySet()
						.stream()
						.filter((count) -> count.getValue() > 0)
						.map((count) -> new DashboardQueries.Count(count.getKey(), count.getValue()))
						.sorted(Comparator.comparingLong(DashboardQueries.Count::count)
							.reversed()
							.thenComparing(DashboardQueries.Count::value))
						.toList());
		}
		List<DashboardQueries.MonthCount> byMonth = new ArrayList<>();
		this.months.forEach((month, counts) -> counts
			.forEach((category, count) -> byMonth.add(new DashboardQueries.MonthCount(month, category, count))));
		byMonth.sort(Comparator.comparing(DashboardQueries.MonthCount::month)
			.thenComparing(Comparator.comparingLong(DashboardQueries.MonthCount::count).reversed())
			.thenComparing(DashboardQueries.MonthCount::category));
		DashboardQueries.Medians medians = new DashboardQueries.Medians(hours(median(this.durations[0])),
				hours(median(this.durations[1])), hours(median(this.durations[2])));
		return new DashboardQueries.Incidents(all, counted, medians, byMonth, changesAt);
	}

	/** How many rows these counts hold, the times measured 25 to a row. */
	int weight() {
		return 1 + this.rows.size() + this.by.values().stream().mapToInt(Map::size).sum()
				+ this.months.values().stream().mapToInt(Map::size).sum()
				+ Arrays.stream(this.durations).mapToInt((times) -> times.length / 25).sum();
	}

	/**
	 * The median of sorted values as PostgreSQL's {@code percentile_cont(0.5)} finds it:
	 * the middle value, or the one below the middle moved halfway to the one above.
	 */
	static Double median(double[] sorted) {
		if (sorted.length == 0) {
			return null;
		}
		double position = 0.5 * (sorted.length - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		double low = sorted[below];
		return (below == above) ? low : low + (position - below) * (sorted[above] - low);
	}

	private static Double hours(Double seconds) {
		return (seconds != null) ? seconds / 3600 : null;
	}

	private static double[] merged(double[] a, double[] b) {
		double[] all = new double[a.length + b.length];
		int i = 0;
		int j = 0;
		int k = 0;
		while (i < a.length && j < b.length) {
			all[k++] = (a[i] <= b[j]) ? a[i++] : b[j++];
		}
		while (i < a.length) {
			all[k++] = a[i++];
		}
		while (j < b.length) {
			all[k++] = b[j++];
		}
		return all;
	}

	/** Counts read row by row. */
	static final class Builder {

		private final Map<Long, long[]> rows = new HashMap<>();

		private final Map<String, Map<String, Long>> by = new HashMap<>();

		private final Map<YearMonth, Map<String, Long>> months = new HashMap<>();

		private double[][] durations = { new double[0], new double[0], new double[0] };

		void row(long row, long submitted, long withinTarget) {
			this.rows.put(row, new long[] { submitted, withinTarget });
		}

		void by(String what, String value, long count) {
			this.by.computeIfAbsent(what, (w) -> new HashMap<>()).put(value, count);
		}

		void month(YearMonth month, String category, long count) {
			this.months.computeIfAbsent(month, (m) -> new HashMap<>()).put(category, count);
		}

		void times(double[] toReport, double[] toTriage, double[] toResolution) {
			this.durations = new double[][] { toReport, toTriage, toResolution };
		}

		IncidentCounts build() {
			return new IncidentCounts(this.rows, this.by, this.months, this.durations);
		}

	}

}
