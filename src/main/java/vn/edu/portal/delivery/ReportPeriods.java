package vn.edu.portal.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.edu.portal.directive.DirectiveCatalog.PlannedTask;
import vn.edu.portal.directive.DirectiveCatalog.ReportPlan;

/**
 * The report periods an implementing assignment owes, each named by its deadline: one for
 * a one-off report (the assignment's own deadline when an office set one), one per month,
 * quarter or semester of a schedule up to its end, or, without a schedule, one per
 * deadline of the tasks that ask for a report.
 */
final class ReportPeriods {

	private static final int MAX_PERIODS = 120;

	private ReportPeriods() {
	}

	static List<LocalDate> owed(ReportPlan plan, LocalDate assignmentDueOn) {
		List<LocalDate> periods = new ArrayList<>();
		switch (plan.schedule()) {
			case "ONCE" -> periods.add((assignmentDueOn != null) ? assignmentDueOn : plan.reportDue());
			case "MONTHLY" -> every(plan, 1, periods);
			case "QUARTERLY" -> every(plan, 3, periods);
			case "SEMESTER" -> every(plan, 6, periods);
			default -> plan.tasks()
				.stream()
				.filter(PlannedTask::reportRequired)
				.map(PlannedTask::reportDue)
				.filter(Objects::nonNull)
				.distinct()
				.sorted()
				.forEach(periods::add);
		}
		periods.removeIf(Objects::isNull);
		return periods;
	}

	private static void every(ReportPlan plan, int months, List<LocalDate> periods) {
		if (plan.reportDue() == null) {
			return;
		}
		LocalDate end = (plan.reportUntil() != null) ? plan.reportUntil() : plan.reportDue();
		for (int i = 0; i < MAX_PERIODS; i++) {
			LocalDate due = plan.reportDue().plusMonths((long) i * months);
			if (due.isAfter(end)) {
				break;
			}
			periods.add(due);
		}
	}

}
