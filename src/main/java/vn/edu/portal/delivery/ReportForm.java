package vn.edu.portal.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The report form: for each task of the directive a status and a narrative, and the
 * figures.
 *
 * @param tasks one row per task, in the directive's order
 * @param figures figures given (numbers of sessions, of students reached...)
 * @param version the version edited, against lost updates
 */
record ReportForm(@Valid List<Row> tasks, @Size(max = 4000) String figures, Long version) {

	ReportForm {
		tasks = (tasks != null) ? new ArrayList<>(tasks) : new ArrayList<>();
	}

	/** A blank report for a directive of that many tasks, or the saved one. */
	static ReportForm of(Report report, int taskCount) {
		List<Row> rows = new ArrayList<>();
		List<ReportEntry> saved = (report != null) ? report.getTasks() : List.of();
		for (int i = 0; i < taskCount; i++) {
			rows.add((i < saved.size()) ? new Row(saved.get(i).status(), saved.get(i).narrative())
					: new Row(ReportEntry.TaskProgress.NOT_STARTED, ""));
		}
		return new ReportForm(rows, (report != null) ? report.getFigures() : "",
				(report != null) ? report.getVersion() : null);
	}

	/** Whether the form holds exactly one row for each of that many tasks. */
	boolean fits(int taskCount) {
		return this.tasks.size() == taskCount && this.tasks.stream().allMatch(Objects::nonNull);
	}

	/**
	 * The form with one row for each of that many tasks: the rows sent are kept, missing
	 * ones are blank, extra ones dropped.
	 */
	ReportForm fittedTo(int taskCount) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < taskCount; i++) {
			Row row = (i < this.tasks.size()) ? this.tasks.get(i) : null;
			rows.add((row != null) ? row : new Row(ReportEntry.TaskProgress.NOT_STARTED, ""));
		}
		return new ReportForm(rows, this.figures, this.version);
	}

	List<ReportEntry> entries() {
		return this.tasks.stream()
			.map((row) -> new ReportEntry(row.status(),
					(row.narrative() != null && !row.narrative().isBlank()) ? row.narrative().strip() : null))
			.toList();
	}

	String figuresOrNull() {
		return (this.figures != null && !this.figures.isBlank()) ? this.figures.strip() : null;
	}

	/**
	 * A task's row.
	 *
	 * @param status done, in progress, not started
	 * @param narrative what was done
	 */
	record Row(@NotNull ReportEntry.TaskProgress status, @Size(max = 8000) String narrative) {
	}

}
