package vn.edu.portal.system;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table (units, accounts) for download as .csv or .xlsx, row by row, so that a
 * large export never sits in memory whole. What it writes, {@link TabularFile#read} reads
 * back to the same header and values, so an export can be edited and imported again.
 * <p>
 * Neither method closes the output stream or the rows stream; the caller does.
 */
public final class TabularExport {

	private static final int ROW_WINDOW = 100;

	private static final int ROWS_MEASURED = 200;

	private static final int MIN_WIDTH = 8;

	private static final int MAX_WIDTH = 60;

	/** A sign followed by nothing Excel could run: digits, spaces, . , ( ) / -. */
	private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][\\d .,()/-]*\\d[\\d .,()/-]*");

	private TabularExport() {
	}

	/**
	 * Writes CSV as Excel opens it: UTF-8 with a byte order mark (so that Vietnamese
	 * shows correctly), comma separated, CRLF line ends, and a field quoted (with its
	 * quotes doubled) when it holds a comma, semicolon, quote or line break.
	 * <p>
	 * Against formula injection, a value that a spreadsheet would take for a formula gets
	 * a leading {@code '}: one that starts with {@code =}, {@code @}, a tab or a carriage
	 * return, and one that starts with {@code +} or {@code -} unless all that follows is
	 * digits, spaces and {@code . , ( ) / -} (a number or phone number such as
	 * {@code -5}, {@code -1.5} or {@code +84 275 3822 420}, which stays as it is). Dates
	 * and phone numbers that start with a digit ({@code 2023-08-01},
	 * {@code 0275 3822 420}) are never touched. The {@code '} is part of the value, and a
	 * re-import keeps it.
	 * @param out where to write
	 * @param header the column names
	 * @param rows the rows, each a list of values in header order ({@code null} is empty)
	 * @throws UncheckedIOException if the output cannot be written
	 */
	public static void csv(OutputStream out, List<String> header, Stream<List<String>> rows) {
		try {
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			writer.write('\uFEFF');
			csvLine(writer, header);
			for (Iterator<List<String>> iterator = rows.iterator(); iterator.hasNext();) {
				csvLine(writer, iterator.next());
			}
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void csvLine(Writer writer, List<String> values) throws IOException {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(csvField(values.get(i)));
		}
		writer.write("\r\n");
	}

	private static String csvField(String value) {
		String field = neutralised((value != null) ? value : "");
		if (field.indexOf(',') < 0 && field.indexOf(';') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0
				&& field.indexOf('\n') < 0) {
			return field;
		}
		return '"' + field.replace("\"", "\"\"") + '"';
	}

	private static String neutralised(String value) {
		return mayRun(value) && !SIGNED_NUMBER.matcher(value).matches() ? "'" + value : value;
	}

	private static boolean mayRun(String value) {
		if (value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/**
	 * Writes an Excel workbook of one sheet: a bold header row, frozen, with an
	 * auto-filter over the table; column widths from the header and the first 200 rows;
	 * every value a text cell, so that codes like {@code 0123} keep their zeros. A value
	 * that Excel could take for a formula ({@code =}, {@code +}, {@code -}, {@code @}
	 * first) is marked as text with a quote prefix, so it stays text even when edited,
	 * and reads back unchanged. At most 100 rows are held in memory; the rest wait in
	 * temporary files, removed at the end.
	 * @param out where to write
	 * @param sheetName the sheet's name, cut and cleaned to Excel's rules
	 * @param header the column names
	 * @param rows the rows, each a list of values in header order ({@code null} is empty)
	 * @throws UncheckedIOException if the output cannot be written
	 */
	public static void xlsx(OutputStream out, String sheetName, List<String> header, Stream<List<String>> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
			SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle quotePrefixed = workbook.createCellStyle();
			quotePrefixed.setQuotePrefixed(true);
			int[] widths = new int[header.size()];
			xlsxRow(sheet, 0, header, bold, widths);
			int last = 0;
			for (Iterator<List<String>> iterator = rows.iterator(); iterator.hasNext();) {
				last++;
				xlsxRow(sheet, last, iterator.next(), quotePrefixed, (last <= ROWS_MEASURED) ? widths : null);
			}
			for (int column = 0; column < widths.length; column++) {
				sheet.setColumnWidth(column, Math.min(Math.max(widths[column], MIN_WIDTH) + 2, MAX_WIDTH) * 256);
			}
			sheet.createFreezePane(0, 1);
			if (!header.isEmpty()) {
				sheet.setAutoFilter(new CellRangeAddress(0, last, 0, header.size() - 1));
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes one row of text cells; the header's cells all take {@code style}, data cells
	 * only where Excel could take them for a formula.
	 */
	private static void xlsxRow(SXSSFSheet sheet, int index, List<String> values, CellStyle style, int[] widths) {
		SXSSFRow row = sheet.createRow(index);
		for (int column = 0; column < values.size(); column++) {
			String value = values.get(column);
			if (value == null || value.isEmpty()) {
				continue;
			}
			SXSSFCell cell = row.createCell(column);
			cell.setCellValue(value);
			if (index == 0 || mayRun(value)) {
				cell.setCellStyle(style);
			}
			if (widths != null && column < widths.length) {
				widths[column] = Math.max(widths[column], value.length());
			}
		}
	}

}
