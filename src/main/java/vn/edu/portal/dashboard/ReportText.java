package vn.edu.portal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import vn.edu.portal.system.Formats;

/**
 * The text of a periodic báo cáo, written from a dashboard's figures: sentences and
 * tables ("| a | b |" lines, which print as tables) with Vietnamese numbers (a comma
 * before decimals), and marked places for the officer's own assessment and proposals. The
 * document's own wording, Vietnamese whatever the reader's language.
 */
final class ReportText {

	/** The most units named as overdue; the others are counted. */
	static final int UNITS_NAMED = 40;

	/** The marked place for the officer's assessment. */
	static final String ASSESSMENT = "[Đánh giá của đơn vị: kết quả đạt được, hạn chế, nguyên nhân …]";

	/** The marked place for the officer's proposals. */
	static final String PROPOSALS = "[Đề xuất, kiến nghị của đơn vị: …]";

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private ReportText() {
	}

	/**
	 * What the text is written from.
	 *
	 * @param issuerName the issuing Department, as in a sentence
	 * @param view the dashboard of the scope and period
	 * @param period the period
	 * @param previous the figures of the scope for the period before
	 * @param previousPeriod that period
	 * @param directive the directive counted ("Công văn số 340/SGD&ĐT-CTTT ngày
	 * 25/02/2020 về ..."), or {@code null} for all
	 * @param unitTypeName the type of unit counted, or {@code null} for all
	 * @param category the name of an incident category
	 * @param severity the name of an incident severity
	 * @param weights the weights of the score: acknowledgements, reports, incidents
	 */
	record Source(String issuerName, Dashboards.View view, DashboardPeriod period, Figures previous,
			DashboardPeriod previousPeriod, String directive, String unitTypeName, Function<String, String> category,
			Function<String, String> severity, int[] weights) {
	}

	static String subject(Source s) {
		String scope = s.view().main().name();
		String what = (s.directive() != null) ? "Kết quả thực hiện " + abbreviate(s.directive(), 300)
				: "Kết quả thực hiện văn bản chỉ đạo và xử lý sự cố trên mạng xã hội";
		return what + " " + periodName(s.period()) + " tại " + scope;
	}

	/** Part I: the figures. */
	static String figures(Source s) {
		Figures f = s.view().main();
		List<String> lines = new ArrayList<>();
		String of = (s.directive() != null) ? s.directive() : "các văn bản chỉ đạo";
		lines.add("Thực hiện chế độ báo cáo định kỳ, " + s.issuerName() + " báo cáo kết quả thực hiện " + of + " "
				+ periodName(s.period())
				+ ((s.period().kind() != DashboardPeriod.Kind.CUSTOM)
						? " (từ ngày " + Formats.dayMonthYear(s.period().from()) + " đến ngày "
								+ Formats.dayMonthYear(s.period().to()) + ")"
						: "")
				+ " tại " + f.name() + ((s.unitTypeName() != null) ? ", đối với " + s.unitTypeName() : "")
				+ " như sau:");
		lines.add("I. KẾT QUẢ THỰC HIỆN");
		lines.add("1. Tiếp nhận văn bản");
		lines.add(((f.acknowledged().expected() == 0) ? "Trong kỳ không có lượt văn bản nào đến hạn tiếp nhận"
				: "Trong kỳ có " + f.acknowledged().expected() + " lượt văn bản gửi đến các đơn vị đã đến hạn tiếp "
						+ "nhận hoặc đã được tiếp nhận; đã tiếp nhận " + rate(f.acknowledged())
						+ ", trong đó tiếp nhận đúng hạn " + rate(f.acknowledgedOnTime()))
				+ notYetDue(f.acknowledgementsPending(), "lượt văn bản") + ".");
		lines.add("2. Báo cáo kết quả thực hiện");
		lines.add(((f.reported().expected() == 0) ? "Trong kỳ không có báo cáo nào đến hạn nộp"
				: "Có " + f.reported().expected() + " báo cáo đến hạn nộp trong kỳ hoặc đã nộp; đã nộp "
						+ rate(f.reported()) + ", trong đó nộp đúng hạn " + rate(f.reportedOnTime()) + "; được duyệt "
						+ rate(f.accepted()) + "; " + f.reportsOverdue() + " báo cáo đã quá hạn mà chưa nộp")
				+ notYetDue(f.reportsPending(), "báo cáo") + ".");
		lines.add("| Chỉ tiêu | Số lượng | Tỷ lệ |");
		lines.add(row("Lượt văn bản phải tiếp nhận", f.acknowledged().expected(), ""));
		lines.add(row("Đã tiếp nhận", f.acknowledged().done(), percent(f.acknowledged())));
		lines.add(row("Tiếp nhận đúng hạn", f.acknowledgedOnTime().done(), percent(f.acknowledgedOnTime())));
		lines.add(row("Chưa đến hạn tiếp nhận", f.acknowledgementsPending(), ""));
		lines.add(row("Báo cáo phải nộp", f.reported().expected(), ""));
		lines.add(row("Đã nộp", f.reported().done(), percent(f.reported())));
		lines.add(row("Nộp đúng hạn", f.reportedOnTime().done(), percent(f.reportedOnTime())));
		lines.add(row("Được duyệt", f.accepted().done(), percent(f.accepted())));
		lines.add(row("Quá hạn chưa nộp", f.reportsOverdue(), ""));
		lines.add(row("Chưa đến hạn nộp", f.reportsPending(), ""));
		lines.add("3. Đơn vị còn chậm");
		lines.addAll(overdue(s.view()));
		lines.add("4. Sự cố trên mạng xã hội");
		lines.addAll(incidents(s));
		lines.add("5. Điểm chấp hành");
		lines.add(score(s));
		return String.join("\n", lines);
	}

	/** Parts II and III: the marked places for the officer, and the closing sentence. */
	static String assessment(Source s) {
		String of = (s.directive() != null) ? s.directive() : "các văn bản chỉ đạo";
		return String.join("\n", "II. ĐÁNH GIÁ", ASSESSMENT, "III. ĐỀ XUẤT, KIẾN NGHỊ", PROPOSALS,
				"Trên đây là báo cáo kết quả thực hiện " + of + " " + periodName(s.period()) + " của " + s.issuerName()
						+ "./.");
	}

	/**
	 * "; 246 lượt văn bản chưa đến hạn, chưa tính vào tỷ lệ": what is not yet due and not
	 * yet done, which no rate counts.
	 */
	private static String notYetDue(long pending, String what) {
		return (pending == 0) ? "" : "; " + pending + " " + what + " chưa đến hạn, chưa tính vào tỷ lệ";
	}

	/** The units with a deadline passed and not met, each once, the oldest first. */
	private static List<String> overdue(Dashboards.View view) {
		Map<String, long[]> units = new LinkedHashMap<>();
		for (DashboardQueries.Pending pending : view.pending()) {
			units.computeIfAbsent(pending.unitName(), (name) -> new long[2])[pending.report() ? 1 : 0]++;
		}
		if (units.isEmpty()) {
			return List.of("Không có đơn vị nào quá hạn tiếp nhận hoặc quá hạn nộp báo cáo.");
		}
		List<String> named = new ArrayList<>();
		units.entrySet().stream().limit(UNITS_NAMED).forEach((unit) -> {
			List<String> what = new ArrayList<>();
			if (unit.getValue()[0] > 0) {
				what.add(unit.getValue()[0] + " văn bản chưa tiếp nhận");
			}
			if (unit.getValue()[1] > 0) {
				what.add(unit.getValue()[1] + " báo cáo chưa nộp");
			}
			named.add(unit.getKey() + " (" + String.join(", ", what) + ")");
		});
		String more = (units.size() > UNITS_NAMED) ? " và " + (units.size() - UNITS_NAMED) + " đơn vị khác"
				: (view.pendingMore()) ? " và các đơn vị khác" : "";
		return List
			.of("Các đơn vị còn quá hạn tiếp nhận văn bản hoặc nộp báo cáo: " + String.join("; ", named) + more + ".");
	}

	private static List<String> incidents(Source s) {
		Figures f = s.view().main();
		DashboardQueries.Medians m = s.view().medians();
		List<String> lines = new ArrayList<>();
		if (f.incidents() == 0) {
			lines.add("Trong kỳ không có sự cố nào được báo cáo" + ((f.incidentsOpenPastTarget() > 0)
					? "; " + f.incidentsOpenPastTarget() + " sự cố đang mở đã quá thời hạn xử lý." : "."));
			return lines;
		}
		lines.add("Trong kỳ có " + f.incidents() + " sự cố được báo cáo; báo cáo trong thời hạn "
				+ rate(f.incidentsWithinTarget()) + "; " + f.incidentsOpenPastTarget()
				+ " sự cố đang mở đã quá thời hạn xử lý. Thời gian xử lý (trung vị): từ khi phát hiện đến khi báo cáo "
				+ hours(m.detectionToReport()) + "; từ khi báo cáo đến khi tiếp nhận " + hours(m.reportToTriage())
				+ "; từ khi báo cáo đến khi giải quyết xong " + hours(m.reportToResolution()) + ".");
		lines.add("Số sự cố theo loại:");
		lines.add("| Loại sự cố | Số sự cố |");
		s.view()
			.incidentsBy()
			.getOrDefault("category", List.of())
			.forEach((c) -> lines.add(row(c.value() + " · " + s.category().apply(c.value()), c.count())));
		lines.add("Số sự cố theo mức độ:");
		lines.add("| Mức độ | Số sự cố |");
		s.view()
			.incidentsBy()
			.getOrDefault("severity", List.of())
			.forEach((c) -> lines.add(row(s.severity().apply(c.value()), c.count())));
		return lines;
	}

	private static String score(Source s) {
		Integer now = s.view().main().score();
		int[] w = s.weights();
		String formula = " (trọng số: tiếp nhận đúng hạn " + w[0] + ", báo cáo đúng hạn " + w[1]
				+ ", sự cố báo cáo trong thời hạn " + w[2] + ")";
		if (now == null) {
			return "Kỳ này chưa có điểm chấp hành vì không có việc nào phải thực hiện" + formula + ".";
		}
		Integer before = (s.previous() != null) ? s.previous().score() : null;
		String previousName = "kỳ trước (" + periodName(s.previousPeriod());
		String moved;
		if (before == null) {
			moved = previousName + ") chưa có điểm để so sánh";
		}
		else if (now.equals(before)) {
			moved = "không đổi so với " + previousName + ": " + before + " điểm)";
		}
		else {
			moved = ((now > before) ? "tăng " : "giảm ") + Math.abs(now - before) + " điểm so với " + previousName
					+ ": " + before + " điểm)";
		}
		return "Điểm chấp hành kỳ này đạt " + now + "/100 điểm" + formula + ", " + moved + ".";
	}

	/** "đạt 92,3% (227/246)", or "không có" when nothing was expected. */
	static String rate(Rate rate) {
		return (rate.expected() == 0) ? "(không có)" : "đạt " + percent(rate);
	}

	/**
	 * "92,3% (227/246)": the share rounded down to a tenth, as the dashboard rounds down
	 * so that 99.96% is not shown as 100%; empty when nothing was expected.
	 */
	static String percent(Rate rate) {
		if (rate.expected() == 0) {
			return "";
		}
		BigDecimal share = BigDecimal.valueOf(rate.done() * 100)
			.divide(BigDecimal.valueOf(rate.expected()), 1, RoundingMode.FLOOR);
		return decimal(share, "#,##0.#") + "% (" + rate.done() + "/" + rate.expected() + ")";
	}

	/** Hours with one decimal as the dashboard shows them, with a comma: "3,5 giờ". */
	static String hours(Double hours) {
		return (hours == null) ? "chưa có số liệu"
				: decimal(BigDecimal.valueOf(hours).setScale(1, RoundingMode.HALF_UP), "#,##0.0") + " giờ";
	}

	private static String decimal(BigDecimal value, String pattern) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(VIETNAMESE)).format(value);
	}

	/**
	 * "tháng 11/2026", "quý IV năm 2026", "năm học 2026-2027", "năm 2026", or "từ ngày
	 * ... đến ngày ...".
	 */
	static String periodName(DashboardPeriod period) {
		return switch (period.kind()) {
			case MONTH -> String.format("tháng %02d/%d", period.from().getMonthValue(), period.from().getYear());
			case QUARTER -> "quý " + List.of("I", "II", "III", "IV").get((period.from().getMonthValue() - 1) / 3)
					+ " năm " + period.from().getYear();
			case SCHOOL_YEAR -> "năm học " + period.from().getYear() + "-" + period.to().getYear();
			case YEAR -> "năm " + period.from().getYear();
			case CUSTOM ->
				"từ ngày " + Formats.dayMonthYear(period.from()) + " đến ngày " + Formats.dayMonthYear(period.to());
		};
	}

	private static String row(String label, long count, String share) {
		return "| " + cell(label) + " | " + count + " | " + share + " |";
	}

	private static String row(String label, long count) {
		return "| " + cell(label) + " | " + count + " |";
	}

	/** A cell's text: a bar would split it. */
	private static String cell(String text) {
		return text.replace('|', '/');
	}

	private static String abbreviate(String text, int most) {
		return (text.length() <= most) ? text : text.substring(0, most - 1) + "…";
	}

}
