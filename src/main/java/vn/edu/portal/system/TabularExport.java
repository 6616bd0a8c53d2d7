package vn.edu.portal.system;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a table (units, accounts) for download as .csv or .xlsx, row by row, so that a
 * large export never sits in memory whole. What it writes, {@link TabularFile#read} reads
 * back to the same header and values, so an export can be edited and imported again.
 * <p>
 * Neither method closes the output stream or the rows stream; the caller does.
 */
public final class TabularExport {

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
	 * and reads back unchanged. Characters that XML 1.0 does not allow (control
	 * characters other than tab and line breaks, unpaired surrogates) are left out. The
	 * workbook is written straight to {@code out} as the rows come; at most the first 200
	 * rows are held in memory, to measure the columns.
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
		try {
			new Xlsx(out, safeSheetName(sheetName), header, columns).write(rows.iterator());
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
		if (name == null || name.isEmpty()) {
			return "Sheet1";
		}
		StringBuilder safe = new StringBuilder(name.substring(0, Math.min(name.length(), 31)));
		for (int i = 0; i < safe.length(); i++) {
			char c = safe.charAt(i);
			if (":/\\?*[]".indexOf(c) >= 0 || c < ' ' || (c == '\'' && (i == 0 || i == safe.length() - 1))) {
				safe.setCharAt(i, ' ');
			}
		}
		return safe.toString();
	}

	/**
	 * A workbook of one sheet in SpreadsheetML, written as a ZIP stream of hand-made XML:
	 * every value an inline string (so no shared strings table), and three cell styles:
	 * plain ({@code s="0"}), bold for the header ({@code s="1"}) and quote-prefixed
	 * ({@code s="2"}).
	 */
	private static final class Xlsx {

		private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

		private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

		private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

		private static final String CONTENT_TYPES = XML
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
				+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
				+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
				+ "</Types>";

		private static final String PACKAGE_RELATIONSHIPS = XML
				+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
				+ "</Relationships>";

		private static final String WORKBOOK_RELATIONSHIPS = XML
				+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS
				+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" + "<Relationship Id=\"rId2\" Type=\""
				+ RELATIONSHIPS + "/styles\" Target=\"styles.xml\"/>" + "</Relationships>";

		/**
		 * Cell styles: 0 plain, 1 bold (header), 2 quote-prefixed (kept as text), 3 a
		 * percentage.
		 */
		private static final String STYLES = XML + "<styleSheet xmlns=\"" + MAIN + "\">" + "<fonts count=\"2\">"
				+ "<font><sz val=\"11\"/><color indexed=\"8\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
				+ "<font><b/><sz val=\"11\"/><color indexed=\"8\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
				+ "</fonts>" + "<fills count=\"2\">" + "<fill><patternFill patternType=\"none\"/></fill>"
				+ "<fill><patternFill patternType=\"gray125\"/></fill>" + "</fills>"
				+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
				+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
				+ "<cellXfs count=\"4\">" + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
				+ "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
				+ "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" quotePrefix=\"1\"/>"
				+ "<xf numFmtId=\"9\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
				+ "</cellXfs>"
				+ "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
				+ "</styleSheet>";

		private static final int BOLD = 1;

		private static final int QUOTE_PREFIXED = 2;

		private static final int PERCENT = 3;

		private final OutputStream out;

		private final String sheetName;

		private final List<String> header;

		private ZipOutputStream zip;

		private Writer xml;

		private final List<Column> columns;

		Xlsx(OutputStream out, String sheetName, List<String> header, List<Column> columns) {
			this.out = out;
			this.sheetName = sheetName;
			this.header = header;
			this.columns = columns;
		}

		/**
		 * Writes the whole workbook. The workbook part comes last, as the auto-filter's
		 * range it names is known only once the rows are written.
		 */
		void write(Iterator<List<String>> rows) throws IOException {
			try (ZipOutputStream zip = new ZipOutputStream(new Unclosed(this.out), StandardCharsets.UTF_8)) {
				this.zip = zip;
				this.xml = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 64 * 1024);
				part("[Content_Types].xml", CONTENT_TYPES);
				part("_rels/.rels", PACKAGE_RELATIONSHIPS);
				part("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONSHIPS);
				part("xl/styles.xml", STYLES);
				zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
				int lastRow = sheet(rows);
				this.xml.flush();
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
				workbook(lastRow);
				this.xml.flush();
				zip.closeEntry();
			}
		}

		private void part(String name, String content) throws IOException {
			this.zip.putNextEntry(new ZipEntry(name));
			this.xml.write(content);
			this.xml.flush();
			this.zip.closeEntry();
		}

		/**
		 * Writes the sheet: the first rows are held until the columns are measured, the
		 * rest written as they come.
		 * @return the number of the last row written (the header is row 1)
		 */
		private int sheet(Iterator<List<String>> rows) throws IOException {
			int[] widths = new int[this.header.size()];
			measure(this.header, widths);
			List<List<String>> measured = new ArrayList<>();
			while (measured.size() < ROWS_MEASURED && rows.hasNext()) {
				List<String> row = rows.next();
				measure(row, widths);
				measured.add(row);
			}
			this.xml.write(XML);
			this.xml.write("<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">");
			this.xml.write("<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"
					+ "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
					+ "<selection pane=\"bottomLeft\"/></sheetView></sheetViews>");
			this.xml.write("<sheetFormatPr defaultRowHeight=\"15\"/>");
			if (widths.length > 0) {
				this.xml.write("<cols>");
				for (int column = 0; column < widths.length; column++) {
					int width = Math.min(Math.max(widths[column], MIN_WIDTH) + 2, MAX_WIDTH);
					this.xml.write("<col min=\"%d\" max=\"%d\" width=\"%d\" customWidth=\"1\"/>".formatted(column + 1,
							column + 1, width));
				}
				this.xml.write("</cols>");
			}
			this.xml.write("<sheetData>");
			int number = 1;
			row(number, this.header, BOLD);
			for (List<String> row : measured) {
				row(++number, row, QUOTE_PREFIXED);
			}
			measured.clear();
			while (rows.hasNext()) {
				row(++number, rows.next(), QUOTE_PREFIXED);
			}
			this.xml.write("</sheetData>");
			if (!this.header.isEmpty()) {
				this.xml.write("<autoFilter ref=\"" + filterRange(number, false) + "\"/>");
			}
			this.xml.write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\""
					+ " header=\"0.3\" footer=\"0.3\"/>");
			this.xml.write("</worksheet>");
			return number;
		}

		private static boolean isNumber(String value) {
			return value.matches("-?\\d{1,15}(\\.\\d{1,15})?");
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
		 * Writes one row of inline string cells, empty values left out. The header's
		 * cells all take the bold style; a data cell takes {@code style} only where Excel
		 * could take its value for a formula.
		 */
		private void row(int number, List<String> values, int style) throws IOException {
			this.xml.write("<row r=\"" + number + "\">");
			for (int column = 0; column < values.size(); column++) {
				String value = values.get(column);
				if (value == null || value.isEmpty()) {
					continue;
				}
				Column kind = (column < this.columns.size()) ? this.columns.get(column) : Column.TEXT;
				if (style != BOLD && kind != Column.TEXT && isNumber(value)) {
					this.xml.write("<c r=\"" + columnName(column) + number + "\""
							+ ((kind == Column.PERCENT) ? " s=\"" + PERCENT + "\"" : "") + "><v>" + value + "</v></c>");
					continue;
				}
				this.xml.write("<c r=\"" + columnName(column) + number + "\"");
				if (style == BOLD || mayRun(value)) {
					this.xml.write(" s=\"" + style + "\"");
				}
				this.xml.write(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
				escaped(value);
				this.xml.write("</t></is></c>");
			}
			this.xml.write("</row>");
		}

		private void workbook(int lastRow) throws IOException {
			this.xml.write(XML);
			this.xml.write("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">");
			this.xml.write("<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews>");
			this.xml.write("<sheets><sheet name=\"");
			escaped(this.sheetName);
			this.xml.write("\" sheetId=\"1\" r:id=\"rId1\"/></sheets>");
			if (!this.header.isEmpty()) {
				// The range of the auto-filter, as Excel itself names it
				this.xml.write("<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\""
						+ " hidden=\"1\">");
				escaped("'" + this.sheetName.replace("'", "''") + "'!" + filterRange(lastRow, true));
				this.xml.write("</definedName></definedNames>");
			}
			this.xml.write("</workbook>");
		}

		/**
		 * {@code A1:C42} (or {@code $A$1:$C$42}): the header's columns down to the last
		 * row.
		 */
		private String filterRange(int lastRow, boolean absolute) {
			String fixed = absolute ? "$" : "";
			return fixed + "A" + fixed + "1:" + fixed + columnName(this.header.size() - 1) + fixed + lastRow;
		}

		/**
		 * Writes text escaped for XML content and attributes: {@code & < > "} as
		 * entities, tab and line breaks as character references (so that they survive
		 * attribute and line-end normalisation), and characters not allowed in XML 1.0
		 * left out.
		 */
		private void escaped(String text) throws IOException {
			Writer out = this.xml;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				switch (c) {
					case '&' -> out.write("&amp;");
					case '<' -> out.write("&lt;");
					case '>' -> out.write("&gt;");
					case '"' -> out.write("&quot;");
					case '\t' -> out.write("&#x9;");
					case '\n' -> out.write("&#xA;");
					case '\r' -> out.write("&#xD;");
					default -> {
						if (Character.isHighSurrogate(c) && i + 1 < text.length()
								&& Character.isLowSurrogate(text.charAt(i + 1))) {
							out.write(c);
							out.write(text.charAt(++i));
						}
						else if ((c >= ' ' && c < '\uD800') || (c >= '\uE000' && c <= '\uFFFD')) {
							out.write(c);
						}
					}
				}
			}
		}

		/** The column's letters: {@code A} for 0, {@code Z}, {@code AA}, ... */
		private static String columnName(int column) {
			StringBuilder name = new StringBuilder();
			for (int n = column + 1; n > 0; n = (n - 1) / 26) {
				name.insert(0, (char) ('A' + (n - 1) % 26));
			}
			return name.toString();
		}

	}

	/** The caller's stream, flushed but left open when the ZIP stream over it closes. */
	private static final class Unclosed extends FilterOutputStream {

		Unclosed(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

	/** How a column of a workbook is written. */
	public enum Column {

		TEXT, NUMBER, PERCENT

	}

}
