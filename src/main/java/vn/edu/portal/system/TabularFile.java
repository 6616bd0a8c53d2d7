package vn.edu.portal.system;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbookPr;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded table (units, accounts) for a bulk import, from an .xlsx or a .csv
 * file.
 * <p>
 * The format is taken from the content, never from the name: a file that starts like a
 * ZIP archive is read as an Excel workbook (its first sheet only), anything else as CSV
 * in UTF-8, with or without a byte order mark. The first non-blank row is the header; its
 * names are matched without regard to case. Every value comes back trimmed and in Unicode
 * NFC, an empty cell as {@code ""}. A file that cannot be taken is refused with a
 * {@link Refused} that names a message key and its arguments.
 */
public final class TabularFile {

	/** The largest file accepted, in megabytes. */
	public static final int MAX_MEGABYTES = 10;

	/** The most data rows (not counting the header and blank rows) accepted. */
	public static final int MAX_ROWS = 100_000;

	private static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;

	private static final String EMPTY = "import.file.empty";

	private static final String TOO_LARGE = "import.file.tooLarge";

	private static final String UNREADABLE = "import.file.unreadable";

	private static final String MACROS = "import.file.macros";

	private static final String FORMULAS = "import.file.formulas";

	private static final String TOO_MANY_ROWS = "import.file.tooManyRows";

	private static final String COLUMNS = "import.file.columns";

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private TabularFile() {
	}

	/**
	 * Reads a whole table.
	 * @param fileName the name the user gave the file; it never decides the format, it
	 * only has text content named like a workbook (.xlsx, .xlsm, .xls) refused
	 * @param content the file's bytes; not closed here, the caller closes it
	 * @param size the file's size in bytes as uploaded; {@code -1} if unknown
	 * @param expectedColumns the columns the header must hold (any case); others are
	 * ignored
	 * @return the header and the non-blank data rows
	 * @throws Refused if the file is empty, too large, unreadable, holds macros or
	 * formulas, has too many rows, or lacks an expected column
	 */
	public static Table read(String fileName, InputStream content, long size, List<String> expectedColumns) {
		if (content == null || size == 0) {
			throw new Refused(EMPTY);
		}
		if (size > MAX_BYTES) {
			throw new Refused(TOO_LARGE, MAX_MEGABYTES);
		}
		Collector collector = new Collector(expectedColumns);
		try {
			InputStream in = new BufferedInputStream(new Limited(content));
			in.mark(ZIP.length);
			byte[] start = in.readNBytes(ZIP.length);
			in.reset();
			if (start.length == 0) {
				throw new Refused(EMPTY);
			}
			if (Arrays.equals(start, ZIP)) {
				Xlsx.read(in, collector);
			}
			else if (Arrays.equals(start, OLE2) || isWorkbookName(fileName)) {
				throw new Refused(UNREADABLE);
			}
			else {
				Csv.read(in, collector);
			}
		}
		catch (IOException ex) {
			throw new Refused(UNREADABLE);
		}
		return collector.table();
	}

	private static boolean isWorkbookName(String fileName) {
		String name = (fileName != null) ? fileName.strip().toLowerCase(Locale.ROOT) : "";
		return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls");
	}

	/** Trimmed of every kind of space (also no-break spaces) and in NFC. */
	private static String clean(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isSpace(value.charAt(start))) {
			start++;
		}
		while (end > start && isSpace(value.charAt(end - 1))) {
			end--;
		}
		return Normalizer.normalize(value.substring(start, end), Normalizer.Form.NFC);
	}

	private static boolean isSpace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
	}

	/**
	 * A table as read.
	 *
	 * @param header the column names in file order: lower case, trimmed, without blank or
	 * repeated names
	 * @param rows the non-blank data rows
	 */
	public record Table(List<String> header, List<Row> rows) {

		public Table {
			header = List.copyOf(header);
			rows = List.copyOf(rows);
		}

	}

	/**
	 * One data row.
	 *
	 * @param line the row's number as Excel shows it (the header is usually line 1)
	 * @param values the value of every header column, in header order; {@code ""} when
	 * empty
	 */
	public record Row(int line, Map<String, String> values) {

		public Row {
			values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		}

	}

	/** A file that is not taken, with the message key and arguments that say why. */
	public static class Refused extends RuntimeException {

		private final String messageKey;

		private final Object[] arguments;

		Refused(String messageKey, Object... arguments) {
			super(messageKey + " " + Arrays.toString(arguments));
			this.messageKey = messageKey;
			this.arguments = arguments;
		}

		public String messageKey() {
			return this.messageKey;
		}

		public Object[] arguments() {
			return this.arguments.clone();
		}

	}

	/** Takes raw rows from either format and builds the table. */
	private static final class Collector {

		private final List<String> expected;

		/** The column name at each position of the header, null where ignored. */
		private List<String> columns;

		private final List<String> header = new ArrayList<>();

		private final List<Row> rows = new ArrayList<>();

		Collector(List<String> expectedColumns) {
			this.expected = expectedColumns.stream().map(Collector::columnName).toList();
		}

		void row(int line, List<String> cells) {
			List<String> values = cells.stream().map(TabularFile::clean).toList();
			if (values.stream().allMatch(String::isEmpty)) {
				return;
			}
			if (this.columns == null) {
				header(values);
				return;
			}
			if (this.rows.size() == MAX_ROWS) {
				throw new Refused(TOO_MANY_ROWS, MAX_ROWS);
			}
			Map<String, String> byName = new LinkedHashMap<>();
			for (int i = 0; i < this.columns.size(); i++) {
				String name = this.columns.get(i);
				if (name != null) {
					byName.put(name, (i < values.size()) ? values.get(i) : "");
				}
			}
			this.rows.add(new Row(line, byName));
		}

		private void header(List<String> names) {
			this.columns = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (String cell : names) {
				String name = columnName(cell);
				boolean taken = !name.isEmpty() && seen.add(name);
				this.columns.add(taken ? name : null);
				if (taken) {
					this.header.add(name);
				}
			}
			List<String> missing = this.expected.stream().filter((name) -> !seen.contains(name)).toList();
			if (!missing.isEmpty()) {
				throw new Refused(COLUMNS, String.join(", ", missing));
			}
		}

		Table table() {
			if (this.columns == null) {
				throw new Refused(EMPTY);
			}
			return new Table(this.header, this.rows);
		}

		private static String columnName(String name) {
			return clean(name).toLowerCase(Locale.ROOT);
		}

	}

	/** Refuses a stream that runs past the size limit, whatever size was announced. */
	private static final class Limited extends FilterInputStream {

		private long count;

		Limited(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b != -1) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			counted(skipped);
			return skipped;
		}

		private void counted(long n) {
			this.count += n;
			if (this.count > MAX_BYTES) {
				throw new Refused(TOO_LARGE, MAX_MEGABYTES);
			}
		}

	}

	/**
	 * RFC 4180 CSV in UTF-8: quoted fields with doubled quotes, separators and line
	 * breaks inside; CRLF, LF or CR line ends. The separator is {@code ;} when the header
	 * line holds a semicolon and no comma (outside quotes), as Excel saves it where the
	 * list separator is a semicolon; {@code ,} otherwise.
	 */
	private static final class Csv {

		private static final int HEADER_SCAN_LIMIT = 1024 * 1024;

		private final Reader reader;

		private final char separator;

		private final char[] buffer = new char[8192];

		private int position;

		private int limit;

		private Csv(Reader reader, char separator) {
			this.reader = reader;
			this.separator = separator;
		}

		static void read(InputStream in, Collector collector) throws IOException {
			CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, utf8), 64 * 1024);
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			Csv csv = new Csv(reader, separator(reader));
			int line = 0;
			for (List<String> record = csv.record(); record != null; record = csv.record()) {
				collector.row(++line, record);
			}
		}

		private static char separator(BufferedReader reader) throws IOException {
			reader.mark(HEADER_SCAN_LIMIT);
			int commas = 0;
			int semicolons = 0;
			boolean quoted = false;
			boolean content = false;
			int c;
			for (int i = 0; i < HEADER_SCAN_LIMIT - 1 && (c = reader.read()) != -1; i++) {
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted && (c == '\n' || c == '\r')) {
					if (content) {
						break;
					}
					commas = 0;
					semicolons = 0;
				}
				else if (!quoted && c == ',') {
					commas++;
				}
				else if (!quoted && c == ';') {
					semicolons++;
				}
				else if (!Character.isWhitespace(c)) {
					content = true;
				}
			}
			reader.reset();
			return (semicolons > 0 && commas == 0) ? ';' : ',';
		}

		/** The next record's fields, or null at the end of the file. */
		private List<String> record() throws IOException {
			int c = next();
			if (c == -1) {
				return null;
			}
			List<String> fields = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			boolean fieldStart = true;
			while (c != -1) {
				if (quoted) {
					if (c == '"') {
						if (peek() != '"') {
							quoted = false;
						}
						else {
							next();
							field.append('"');
						}
					}
					else {
						field.append((char) c);
					}
				}
				else if (c == '"' && fieldStart) {
					quoted = true;
					fieldStart = false;
				}
				else if (c == this.separator) {
					fields.add(field.toString());
					field.setLength(0);
					fieldStart = true;
				}
				else if (c == '\r' || c == '\n') {
					if (c == '\r' && peek() == '\n') {
						next();
					}
					break;
				}
				else {
					field.append((char) c);
					fieldStart = false;
				}
				c = next();
			}
			fields.add(field.toString());
			return fields;
		}

		private int next() throws IOException {
			int c = peek();
			if (c != -1) {
				this.position++;
			}
			return c;
		}

		private int peek() throws IOException {
			if (this.position == this.limit) {
				int n = this.reader.read(this.buffer, 0, this.buffer.length);
				if (n <= 0) {
					return -1;
				}
				this.position = 0;
				this.limit = n;
			}
			char c = this.buffer[this.position];
			if (c == '\0') {
				throw new Refused(UNREADABLE);
			}
			return c;
		}

	}

	/**
	 * The first sheet of an Office Open XML workbook, read as a stream of SAX events from
	 * a temporary copy of the upload, so that memory stays small whatever the sheet's
	 * size. POI's zip bomb limits ({@code ZipSecureFile}) apply.
	 */
	private static final class Xlsx {

		private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		private static final MathContext EXCEL_PRECISION = new MathContext(15);

		private static final Pattern ZEROS = Pattern.compile("0+");

		private static final Pattern DIGITS = Pattern.compile("\\d+");

		private final StylesTable styles;

		private final ReadOnlySharedStringsTable strings;

		private final boolean date1904;

		private Xlsx(StylesTable styles, ReadOnlySharedStringsTable strings, boolean date1904) {
			this.styles = styles;
			this.strings = strings;
			this.date1904 = date1904;
		}

		static void read(InputStream in, Collector collector) throws IOException {
			Path file = temporaryFile();
			try {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				refuseMacroProject(file);
				OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
				try {
					readFirstSheet(workbook, collector);
				}
				finally {
					workbook.revert();
				}
			}
			catch (Refused ex) {
				throw ex;
			}
			catch (SAXException ex) {
				throw (ex.getException() instanceof Refused refused) ? refused : new Refused(UNREADABLE);
			}
			catch (OpenXML4JException | ParserConfigurationException | RuntimeException ex) {
				throw new Refused(UNREADABLE);
			}
			finally {
				Files.deleteIfExists(file);
			}
		}

		private static Path temporaryFile() {
			try {
				return Files.createTempFile("import-", ".xlsx");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void refuseMacroProject(Path file) throws IOException {
			try (ZipFile zip = new ZipFile(file.toFile())) {
				for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
					if (entries.nextElement().getName().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
						throw new Refused(MACROS);
					}
				}
			}
		}

		private static void readFirstSheet(OPCPackage workbook, Collector collector)
				throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
			for (PackagePart part : workbook.getParts()) {
				if (part.getContentType().toLowerCase(Locale.ROOT).contains("macroenabled")) {
					throw new Refused(MACROS);
				}
			}
			XSSFReader reader = new XSSFReader(workbook);
			Xlsx cells = new Xlsx(reader.getStylesTable(), new ReadOnlySharedStringsTable(workbook, false),
					isDate1904(reader));
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new Refused(UNREADABLE);
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new SheetHandler(cells, collector));
				parser.parse(new InputSource(sheet));
			}
		}

		private static boolean isDate1904(XSSFReader reader) throws IOException, OpenXML4JException {
			try (InputStream in = reader.getWorkbookData()) {
				CTWorkbookPr properties = WorkbookDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS)
					.getWorkbook()
					.getWorkbookPr();
				return properties != null && properties.getDate1904();
			}
			catch (XmlException ex) {
				throw new Refused(UNREADABLE);
			}
		}

		/**
		 * A cell's value as text: shared and inline strings as written; numbers plain
		 * ({@code 42}, {@code 1.5}, up to Excel's 15 digits), zero-padded when the cell's
		 * format is only zeros ({@code 0000000000}); date-formatted numbers as ISO dates
		 * ({@code 2023-08-01}, with {@code HH:mm:ss} when there is a time of day);
		 * booleans as {@code TRUE} / {@code FALSE}.
		 */
		String value(String type, String raw, int style) {
			if (raw == null) {
				return "";
			}
			return switch ((type != null) ? type : "n") {
				case "s" -> this.strings.getItemAt(Integer.parseInt(raw.strip())).getString();
				case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
				case "d" -> raw.endsWith("T00:00:00") ? raw.substring(0, raw.length() - 9) : raw;
				case "n" -> number(raw.strip(), style);
				default -> raw;
			};
		}

		private String number(String raw, int style) {
			XSSFCellStyle cellStyle = (this.styles != null && style >= 0 && style < this.styles.getNumCellStyles())
					? this.styles.getStyleAt(style) : null;
			String format = (cellStyle != null) ? cellStyle.getDataFormatString() : null;
			double value = Double.parseDouble(raw);
			if (cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), format)
					&& DateUtil.isValidExcelDate(value)) {
				LocalDateTime at = DateUtil.getLocalDateTime(value, this.date1904, true);
				return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.format(DATE_TIME);
			}
			String plain = new BigDecimal(raw).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
			if (format != null && ZEROS.matcher(format).matches() && DIGITS.matcher(plain).matches()
					&& plain.length() < format.length()) {
				return "0".repeat(format.length() - plain.length()) + plain;
			}
			return plain;
		}

	}

	/** Collects the cells of each row of a sheet's XML and refuses any formula. */
	private static final class SheetHandler extends DefaultHandler {

		private static final int LAST_COLUMN = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();

		private final Xlsx cells;

		private final Collector collector;

		private final StringBuilder text = new StringBuilder();

		private List<String> row = new ArrayList<>();

		/** The current row's number, from 1. */
		private int rowNumber;

		/** The current cell's column, from 0. */
		private int column;

		private String type;

		private int style;

		private String raw;

		private boolean inValue;

		private boolean inInlineString;

		private boolean inText;

		private boolean inPhonetic;

		SheetHandler(Xlsx cells, Collector collector) {
			this.cells = cells;
			this.collector = collector;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String number = attributes.getValue("r");
					this.rowNumber = (number != null) ? Integer.parseInt(number.strip()) : this.rowNumber + 1;
					this.column = -1;
					this.row = new ArrayList<>();
				}
				case "c" -> {
					String reference = attributes.getValue("r");
					this.column = (reference != null) ? columnOf(reference) : this.column + 1;
					if (this.column < 0 || this.column > LAST_COLUMN) {
						throw new Refused(UNREADABLE);
					}
					this.type = attributes.getValue("t");
					String styleIndex = attributes.getValue("s");
					this.style = (styleIndex != null) ? Integer.parseInt(styleIndex.strip()) : 0;
					this.raw = null;
				}
				case "f" -> throw new Refused(FORMULAS,
						new CellReference(this.rowNumber - 1, this.column).formatAsString(false));
				case "v" -> {
					this.inValue = true;
					this.text.setLength(0);
				}
				case "is" -> {
					this.inInlineString = true;
					this.text.setLength(0);
				}
				case "t" -> this.inText = this.inInlineString && !this.inPhonetic;
				case "rPh" -> this.inPhonetic = true;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] characters, int start, int length) {
			if (this.inValue || this.inText) {
				this.text.append(characters, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "v" -> {
					this.inValue = false;
					this.raw = this.text.toString();
				}
				case "is" -> {
					this.inInlineString = false;
					this.raw = this.text.toString();
				}
				case "t" -> this.inText = false;
				case "rPh" -> this.inPhonetic = false;
				case "c" -> {
					while (this.row.size() <= this.column) {
						this.row.add("");
					}
					this.row.set(this.column, this.cells.value(this.type, this.raw, this.style));
				}
				case "row" -> this.collector.row(this.rowNumber, this.row);
				default -> {
				}
			}
		}

		private static int columnOf(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
				column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
				if (column > LAST_COLUMN + 1) {
					return -1;
				}
			}
			return column - 1;
		}

	}

}
