package vn.edu.portal.system;

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

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table (units, accounts) for download as .csv (with FastCSV) or .xlsx (with
 * Apache POI's streaming workbook), row by row, so that a large export never sits in
 * memory whole. What it writes, {@link TabularFile#read} reads back to the same header
 * and values, so an export can be edited and imported again.
 * <p>
 * Neither method closes the output stream or the rows stream; the caller does.
 */
public final class TabularExport {

	private static final int ROWS_MEASURED = 200;

	private static final int MIN_WIDTH = 8;

	private static final int MAX_WIDTH = 60;

	/** Rows a workbook keeps in memory before it writes them to its temporary file. */
	private static final int ROWS_IN_MEMORY = 100;

	/** Excel's built-in format {@code 0%}. */
	private static final short PERCENT_FORMAT = 9;

	/** A sign followed by nothing Excel could run: digits, spaces, . , ( ) / -. */
	private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][\\d .,()/-]*\\d[\\d .,()/-]*");

	private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");

	/** Quotes, besides what CSV requires, a field that holds a semicolon. */
	private static final QuoteStrategy SEMICOLONS = new QuoteStrategy() {

		@Override
		public boolean quoteValue(int lineNo, int fieldIdx, String value) {
			return value.indexOf(';') >= 0;
		}

	};

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
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			CsvWriter csv = CsvWriter.builder()
				.lineDelimiter(LineDelimiter.CRLF)
				.quoteStrategy(SEMICOLONS)
				.build(writer);
			csv.writeRecord(neutralised(header));
			for (Iterator<List<String>> iterator = rows.iterator(); iterator.hasNext();) {
				csv.writeRecord(neutralised(iterator.next()));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> neutralised(List<String> values) {
		return values.stream().map((value) -> neutralised((value != null) ? value : "")).toList();
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
	 * and reads back unchanged. Characters that XML 1.0 does not allow (control
	 * characters other than tab and line breaks, unpaired surrogates) are left out. The
	 * rows go to a temporary file as they come, and the workbook is written from it.
	 * @param out where to write
	 * @param sheetName the sheet's name, cut and cleaned to Excel's rules
	 * @param header the column names
	 * @param rows the rows, each a list of values in header order ({@code null} is empty)
	 * @throws UncheckedIOException if the output cannot be written
	 */
	public static void xlsx(OutputStream out, String sheetName, List<String> header, Stream<List<String>> rows) {
		xlsx(out, sheetName, header, List.of(), rows);
	}

	/**
	 * Writes an Excel workbook as {@link #xlsx(OutputStream, String, List, Stream)} does,
	 * with some columns as numbers: a value of a {@link Column#NUMBER} column is a number
	 * cell, of a {@link Column#PERCENT} column a share (0.85) shown as a percentage
	 * (85%); an empty value stays an empty cell.
	 * @param columns the kind of each column, in header order; missing ones are text
	 */
	public static void xlsx(OutputStream out, String sheetName, List<String> header, List<Column> columns,
			Stream<List<String>> rows) {
		// Closing the workbook deletes its temporary file
		try (SXSSFWorkbook book = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
			book.setCompressTempFiles(true);
			new Sheet(book, safeSheetName(sheetName), header, columns).write(rows.iterator());
			book.write(CloseShieldOutputStream.wrap(out));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A sheet name as Excel takes it: at most 31 characters, none of
	 * {@code : / \ ? * [ ]} and no apostrophe first or last (each replaced by a space),
	 * never empty.
	 */
	static String safeSheetName(String name) {
		return (name == null || name.isEmpty()) ? "Sheet1" : WorkbookUtil.createSafeSheetName(name, ' ');
	}

	/**
	 * Text as XML 1.0 can hold it: control characters other than tab and line breaks,
	 * unpaired surrogates and U+FFFE, U+FFFF left out.
	 */
	static String xmlText(String text) {
		StringBuilder kept = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			boolean allowed = pair || c == '\t' || c == '\n' || c == '\r' || (c >= ' ' && c < '\uD800')
					|| (c >= '\uE000' && c <= '\uFFFD');
			if (!allowed && kept == null) {
				kept = new StringBuilder(text.substring(0, i));
			}
			if (allowed && kept != null) {
				kept.append(c);
			}
			if (pair) {
				i++;
				if (kept != null) {
					kept.append(text.charAt(i));
				}
			}
		}
		return (kept != null) ? kept.toString() : text;
	}

	/** The one sheet of an export, with its three cell styles. */
	private static final class Sheet {

		private final SXSSFSheet sheet;

		private final List<String> header;

		private final List<Column> columns;

		private final CellStyle bold;

		private final CellStyle quotePrefixed;

		private final CellStyle percent;

		Sheet(SXSSFWorkbook book, String name, List<String> header, List<Column> columns) {
			this.sheet = book.createSheet(name);
			this.header = header;
			this.columns = columns;
			Font font = book.createFont();
			font.setBold(true);
			this.bold = book.createCellStyle();
			this.bold.setFont(font);
			this.quotePrefixed = book.createCellStyle();
			this.quotePrefixed.setQuotePrefixed(true);
			this.percent = book.createCellStyle();
			this.percent.setDataFormat(PERCENT_FORMAT);
		}

		/**
		 * Writes the header and the rows, measuring the columns on the first rows, then
		 * the widths, the frozen header and the auto-filter.
		 */
		void write(Iterator<List<String>> rows) {
			int[] widths = new int[this.header.size()];
			row(0, this.header, true);
			measure(this.header, widths);
			int number = 0;
			while (rows.hasNext()) {
				List<String> row = rows.next();
				row(++number, row, false);
				if (number <= ROWS_MEASURED) {
					measure(row, widths);
				}
			}
			for (int column = 0; column < widths.length; column++) {
				int width = Math.min(Math.max(widths[column], MIN_WIDTH) + 2, MAX_WIDTH);
				this.sheet.setColumnWidth(column, width * 256);
			}
			this.sheet.createFreezePane(0, 1);
			if (!this.header.isEmpty()) {
				this.sheet.setAutoFilter(new CellRangeAddress(0, number, 0, this.header.size() - 1));
			}
		}

		private static void measure(List<String> values, int[] widths) {
			for (int column = 0; column < values.size() && column < widths.length; column++) {
				String value = values.get(column);
				if (value != null) {
					widths[column] = Math.max(widths[column], value.length());
				}
			}
		}

		/**
		 * Writes one row, empty values left out: the header's cells all bold; a data cell
		 * as a number in a number column, else as text, quote-prefixed where Excel could
		 * take its value for a formula.
		 */
		private void row(int index, List<String> values, boolean isHeader) {
			SXSSFRow row = this.sheet.createRow(index);
			for (int column = 0; column < values.size(); column++) {
				String value = values.get(column);
				if (value == null || value.isEmpty()) {
					continue;
				}
				Column kind = (column < this.columns.size()) ? this.columns.get(column) : Column.TEXT;
				if (!isHeader && kind != Column.TEXT && NUMBER.matcher(value).matches()) {
					row.createCell(column).setCellValue(Double.parseDouble(value));
					if (kind == Column.PERCENT) {
						row.getCell(column).setCellStyle(this.percent);
					}
					continue;
				}
				row.createCell(column).setCellValue(xmlText(value));
				if (isHeader) {
					row.getCell(column).setCellStyle(this.bold);
				}
				else if (mayRun(value)) {
					row.getCell(column).setCellStyle(this.quotePrefixed);
				}
			}
		}

	}

	/** How a column of a workbook is written. */
	public enum Column {

		TEXT, NUMBER, PERCENT

	}

}
