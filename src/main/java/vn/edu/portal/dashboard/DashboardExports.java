package vn.edu.portal.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.system.Downloads;
import vn.edu.portal.system.TabularExport;

/**
 * A dashboard's table as a download: a workbook (numbers, rates as percentages, header
 * frozen) or CSV (UTF-8 with BOM), with column names in the reader's language; no names
 * of people. Streamed, and audited.
 */
@Component
class DashboardExports {

	private static final List<String> COLUMNS = List.of("code", "unit", "score", "ackExpected", "ackDone", "ackOnTime",
			"ackOnTimeRate", "repExpected", "repSubmitted", "repOnTime", "repOnTimeRate", "repAccepted", "repOverdue",
			"ackPending", "repPending", "incidents", "incidentsWithinTarget", "incidentsWithinTargetRate",
			"incidentsOpenPastTarget", "reportsResembling");

	private static final List<TabularExport.Column> KINDS = List.of(TabularExport.Column.TEXT,
			TabularExport.Column.TEXT, TabularExport.Column.NUMBER, TabularExport.Column.NUMBER,
			TabularExport.Column.NUMBER, TabularExport.Column.NUMBER, TabularExport.Column.PERCENT,
			TabularExport.Column.NUMBER, TabularExport.Column.NUMBER, TabularExport.Column.NUMBER,
			TabularExport.Column.PERCENT, TabularExport.Column.NUMBER, TabularExport.Column.NUMBER,
			TabularExport.Column.NUMBER, TabularExport.Column.NUMBER, TabularExport.Column.NUMBER,
			TabularExport.Column.NUMBER, TabularExport.Column.PERCENT, TabularExport.Column.NUMBER,
			TabularExport.Column.NUMBER);

	private final MessageSource messages;

	private final AuditLog audit;

	DashboardExports(MessageSource messages, AuditLog audit) {
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * The rows (the unit's figures first, then those of the units one level down) of a
	 * period as a file named after the unit and the period.
	 */
	ResponseEntity<StreamingResponseBody> download(List<Figures> rows, Map<Long, Long> resembling,
			DashboardPeriod period, boolean csv, Locale locale) {
		Figures unit = rows.get(0);
		this.audit.record("DASHBOARD_EXPORTED", "UNIT", unit.unitId(),
				Map.of("format", csv ? "csv" : "xlsx", "from", period.from().toString(), "to", period.to().toString()));
		List<String> header = COLUMNS.stream()
			.map((column) -> this.messages.getMessage("dashboard.export." + column, null, locale))
			.toList();
		String name = "theo-doi-" + unit.code() + "-" + period.from() + "-" + period.to();
		return Downloads.attachment(name + (csv ? ".csv" : ".xlsx"), csv ? Downloads.CSV : Downloads.XLSX, (out) -> {
			if (csv) {
				TabularExport.csv(out, header, rows.stream().map((figures) -> values(figures, resembling, true)));
			}
			else {
				TabularExport.xlsx(out, this.messages.getMessage("dashboard.title", null, locale), header, KINDS,
						rows.stream().map((figures) -> values(figures, resembling, false)));
			}
		});
	}

	/** A row: rates as shares for the workbook, as percentages for CSV. */
	private static List<String> values(Figures f, Map<Long, Long> resembling, boolean csv) {
		return Arrays.asList(f.code(), f.name(), (f.score() != null) ? String.valueOf(f.score()) : null,
				String.valueOf(f.acknowledged().expected()), String.valueOf(f.acknowledged().done()),
				String.valueOf(f.acknowledgedOnTime().done()), rate(f.acknowledgedOnTime(), csv),
				String.valueOf(f.reported().expected()), String.valueOf(f.reported().done()),
				String.valueOf(f.reportedOnTime().done()), rate(f.reportedOnTime(), csv),
				String.valueOf(f.accepted().done()), String.valueOf(f.reportsOverdue()),
				String.valueOf(f.acknowledgementsPending()), String.valueOf(f.reportsPending()),
				String.valueOf(f.incidents()), String.valueOf(f.incidentsWithinTarget().done()),
				rate(f.incidentsWithinTarget(), csv), String.valueOf(f.incidentsOpenPastTarget()),
				String.valueOf(resembling.getOrDefault(f.unitId(), 0L)));
	}

	private static String rate(Rate rate, boolean csv) {
		if (rate.share() == null) {
			return null;
		}
		return csv ? rate.percent() + "%" : String.format(Locale.ROOT, "%.4f", rate.share());
	}

}
