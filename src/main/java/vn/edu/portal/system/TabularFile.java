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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
			InputStream in = new BufferedInputStream(
					new Limited(content, MAX_BYTES, () -> new Refused(TOO_LARGE, MAX_MEGABYTES)));
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

	/**
	 * Refuses a stream that runs past a number of bytes, whatever size was announced: an
	 * upload past the size limit, a workbook part that inflates too much.
	 */
	private static final class Limited extends FilterInputStream {

		private final long limit;

		private final Supplier<Refused> refusal;

		private long count;

		Limited(InputStream in, long limit, Supplier<Refused> refusal) {
			super(in);
			this.limit = limit;
			this.refusal = refusal;
		}

		long count() {
			return this.count;
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
			if (this.count > this.limit) {
				throw this.refusal.get();
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
				line++;
				collector.row(line, unescapeFormulas(record, line));
			}
		}

		/**
		 * Text is never a formula here either: a cell starting with "=" is refused as in
		 * a workbook, and the quote the export puts before = + - @ (so that a spreadsheet
		 * shows text) is taken off again, so an export re-imports unchanged.
		 */
		private static List<String> unescapeFormulas(List<String> record, int line) {
			List<String> cells = new ArrayList<>(record.size());
			for (int column = 0; column < record.size(); column++) {
				String cell = record.get(column);
				String trimmed = cell.strip();
				if (trimmed.startsWith("=")) {
					throw new Refused(FORMULAS, columnLetters(column) + line);
				}
				if (trimmed.length() > 1 && trimmed.charAt(0) == '\'' && "=+-@".indexOf(trimmed.charAt(1)) >= 0) {
					cell = trimmed.substring(1);
				}
				cells.add(cell);
			}
			return cells;
		}

		private static String columnLetters(int index) {
			StringBuilder letters = new StringBuilder();
			for (int n = index + 1; n > 0; n = (n - 1) / 26) {
				letters.insert(0, (char) ('A' + (n - 1) % 26));
			}
			return letters.toString();
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
	 * The first sheet of an Office Open XML workbook, read with the JDK alone: a
	 * {@link ZipFile} over a temporary copy of the upload, and StAX over the few parts
	 * needed, the sheet's rows as a stream, so that memory stays small whatever the
	 * sheet's size. The XML parsers take no DTD and resolve no external entity. A package
	 * of more than {@value #MAX_ENTRIES} entries, or whose parts inflate to more than
	 * {@value #MAX_INFLATED_MEGABYTES} MB, is refused as unreadable (a zip bomb), and so
	 * is a Strict Open XML workbook.
	 */
	private static final class Xlsx {

		private static final int MAX_ENTRIES = 10_000;

		private static final int MAX_INFLATED_MEGABYTES = 200;

		private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

		private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

		private static final String OFFICE_DOCUMENT = RELATIONSHIPS + "officeDocument";

		/** What the first sheet may be, as POI's {@code XSSFReader} takes it. */
		private static final Set<String> SHEETS = Set.of(RELATIONSHIPS + "worksheet", RELATIONSHIPS + "chartsheet",
				"http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet");

		private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		private static final MathContext EXCEL_PRECISION = new MathContext(15);

		private static final Pattern ZEROS = Pattern.compile("0+");

		private static final Pattern DIGITS = Pattern.compile("\\d+");

		/** An escaped character in a shared string, such as {@code _x000D_}. */
		private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");

		private final ZipFile zip;

		/** The package's entries by lower-case name, as part names ignore case. */
		private final Map<String, ZipEntry> entries = new HashMap<>();

		private final XMLInputFactory factory;

		/** The bytes inflated so far, over all parts. */
		private long inflated;

		private boolean date1904;

		private List<String> strings = List.of();

		/** The custom number formats by id. */
		private final Map<Integer, String> formats = new HashMap<>();

		/** The number format id of each cell format ({@code cellXfs}), by index. */
		private final List<Integer> cellFormats = new ArrayList<>();

		private Xlsx(ZipFile zip) {
			this.zip = zip;
			for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
				ZipEntry entry = all.nextElement();
				if (!entry.isDirectory()) {
					this.entries.put(entry.getName().toLowerCase(Locale.ROOT), entry);
				}
			}
			this.factory = XMLInputFactory.newDefaultFactory();
			this.factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			this.factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		}

		static void read(InputStream in, Collector collector) throws IOException {
			Path file = temporaryFile();
			try {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				try (ZipFile zip = new ZipFile(file.toFile())) {
					if (zip.size() > MAX_ENTRIES) {
						throw new Refused(UNREADABLE);
					}
					new Xlsx(zip).readFirstSheet(collector);
				}
			}
			catch (Refused ex) {
				throw ex;
			}
			catch (XMLStreamException | RuntimeException ex) {
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

		private void readFirstSheet(Collector collector) throws IOException, XMLStreamException {
			refuseMacros();
			String workbook = first(relationships(""), OFFICE_DOCUMENT);
			if (workbook == null) {
				throw new Refused(UNREADABLE);
			}
			Map<String, Relationship> relationships = relationships(workbook);
			Relationship sheet = relationships.get(readWorkbook(workbook));
			if (sheet == null || !SHEETS.contains(sheet.type())) {
				throw new Refused(UNREADABLE);
			}
			String styles = first(relationships, RELATIONSHIPS + "styles");
			if (styles != null) {
				readStyles(styles);
			}
			String sharedStrings = first(relationships, RELATIONSHIPS + "sharedStrings");
			if (sharedStrings != null) {
				readStrings(sharedStrings);
			}
			try (Part part = open(sheet.target())) {
				if (part == null) {
					throw new Refused(UNREADABLE);
				}
				new Sheet(this, collector).read(part);
			}
		}

		/**
		 * Refuses a workbook with macros: one that holds a VBA project, or a part whose
		 * content type is macro-enabled (an .xlsm renamed .xlsx). A package without
		 * content types is no workbook.
		 */
		private void refuseMacros() throws IOException, XMLStreamException {
			for (String name : this.entries.keySet()) {
				if (name.endsWith("vbaproject.bin")) {
					throw new Refused(MACROS);
				}
			}
			Map<String, String> byExtension = new HashMap<>();
			Map<String, String> byPart = new HashMap<>();
			try (Part part = open("[Content_Types].xml")) {
				if (part == null) {
					throw new Refused(UNREADABLE);
				}
				for (int event = part.next(); event != XMLStreamConstants.END_DOCUMENT; event = part.next()) {
					if (event == XMLStreamConstants.START_ELEMENT) {
						String type = part.attribute("ContentType");
						switch (part.name()) {
							case "Default" -> byExtension.put(lowerCase(part.attribute("Extension")), type);
							case "Override" -> byPart.put(lowerCase(part.attribute("PartName")), type);
							default -> {
							}
						}
					}
				}
			}
			for (String name : this.entries.keySet()) {
				String type = byPart.getOrDefault("/" + name,
						byExtension.get(name.substring(name.lastIndexOf('.') + 1)));
				if (type != null && lowerCase(type).contains("macroenabled")) {
					throw new Refused(MACROS);
				}
			}
		}

		/**
		 * Reads the workbook part: whether it counts dates from 1904, and its first
		 * sheet.
		 * @return the relationship id of the first sheet
		 */
		private String readWorkbook(String workbook) throws IOException, XMLStreamException {
			String firstSheet = null;
			try (Part part = open(workbook)) {
				if (part == null) {
					throw new Refused(UNREADABLE);
				}
				for (int event = part.next(); event != XMLStreamConstants.END_DOCUMENT; event = part.next()) {
					if (event != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					if (part.name().equals("workbookPr")) {
						String date1904 = strip(part.attribute("date1904"));
						this.date1904 = "1".equals(date1904) || "true".equals(date1904);
					}
					else if (firstSheet == null && part.name().equalsIgnoreCase("sheet")) {
						firstSheet = part.sheetId();
					}
				}
			}
			if (firstSheet == null) {
				throw new Refused(UNREADABLE);
			}
			return firstSheet;
		}

		/**
		 * Reads the cell formats: the custom number formats by id, and the number format
		 * of each cell format, which a cell names by index in its {@code s} attribute.
		 */
		private void readStyles(String styles) throws IOException, XMLStreamException {
			try (Part part = open(styles)) {
				if (part == null) {
					return;
				}
				// numFmt and xf elements stand elsewhere too (differential formats, cell
				// style formats): only those of numFmts and cellXfs count
				String list = "";
				for (int event = part.next(); event != XMLStreamConstants.END_DOCUMENT; event = part.next()) {
					if (event == XMLStreamConstants.START_ELEMENT) {
						switch (part.name()) {
							case "numFmts", "cellXfs" -> list = part.name();
							case "numFmt" -> {
								if (list.equals("numFmts")) {
									this.formats.put(numberFormat(part), part.attribute("formatCode"));
								}
							}
							case "xf" -> {
								if (list.equals("cellXfs")) {
									this.cellFormats.add(numberFormat(part));
								}
							}
							default -> {
							}
						}
					}
					else if (event == XMLStreamConstants.END_ELEMENT && part.name().equals(list)) {
						list = "";
					}
				}
			}
		}

		/** A {@code numFmtId}, cut to 16 bits as POI and Excel keep it. */
		private static int numberFormat(Part part) {
			String id = part.attribute("numFmtId");
			return (id != null) ? (short) Long.parseLong(id.strip()) : 0;
		}

		/**
		 * Reads the shared strings: the text of each item's runs, without phonetic
		 * guides, and with Excel's {@code _xHHHH_} escapes decoded.
		 */
		private void readStrings(String sharedStrings) throws IOException, XMLStreamException {
			List<String> strings = new ArrayList<>();
			try (Part part = open(sharedStrings)) {
				if (part == null) {
					return;
				}
				StringBuilder text = new StringBuilder();
				boolean inText = false;
				boolean inPhonetic = false;
				for (int event = part.next(); event != XMLStreamConstants.END_DOCUMENT; event = part.next()) {
					boolean element = event == XMLStreamConstants.START_ELEMENT
							|| event == XMLStreamConstants.END_ELEMENT;
					if (element && !MAIN.equals(part.namespace())) {
						continue;
					}
					if (event == XMLStreamConstants.START_ELEMENT) {
						switch (part.name()) {
							case "si" -> text.setLength(0);
							case "t" -> inText = true;
							case "rPh" -> inPhonetic = true;
							default -> {
							}
						}
					}
					else if (event == XMLStreamConstants.END_ELEMENT) {
						switch (part.name()) {
							case "si" -> strings.add(unescaped(text.toString()));
							case "t" -> inText = false;
							case "rPh" -> inPhonetic = false;
							default -> {
							}
						}
					}
					else if (inText && !inPhonetic && part.isText()) {
						part.appendText(text);
					}
				}
			}
			this.strings = strings;
		}

		private static String unescaped(String text) {
			if (!text.contains("_x")) {
				return text;
			}
			return ESCAPED.matcher(text).replaceAll((match) -> {
				char c = (char) Integer.parseInt(match.group(1), 16);
				return Matcher.quoteReplacement(String.valueOf(c));
			});
		}

		/**
		 * The relationships of a part ({@code ""} for the package's own), by id, with
		 * their targets as ZIP entry names; external targets left out.
		 */
		private Map<String, Relationship> relationships(String source) throws IOException, XMLStreamException {
			int slash = source.lastIndexOf('/') + 1;
			String name = source.substring(0, slash) + "_rels/" + source.substring(slash) + ".rels";
			Map<String, Relationship> relationships = new LinkedHashMap<>();
			try (Part part = open(name)) {
				if (part == null) {
					return relationships;
				}
				for (int event = part.next(); event != XMLStreamConstants.END_DOCUMENT; event = part.next()) {
					if (event == XMLStreamConstants.START_ELEMENT && part.name().equals("Relationship")
							&& !"External".equals(part.attribute("TargetMode"))) {
						String id = part.attribute("Id");
						String type = part.attribute("Type");
						String target = part.attribute("Target");
						if (id == null || type == null || target == null) {
							throw new Refused(UNREADABLE);
						}
						relationships.putIfAbsent(id, new Relationship(type, resolve(source, target)));
					}
				}
			}
			return relationships;
		}

		/** The target of the first relationship of a type; null if none. */
		private static String first(Map<String, Relationship> relationships, String type) {
			return relationships.values()
				.stream()
				.filter((relationship) -> relationship.type().equals(type))
				.map(Relationship::target)
				.findFirst()
				.orElse(null);
		}

		/**
		 * A relationship's target, relative to its source part or absolute, as an entry
		 * name.
		 */
		private static String resolve(String source, String target) {
			List<String> path = new ArrayList<>();
			if (!target.startsWith("/")) {
				path.addAll(Arrays.asList(source.split("/")));
				path.remove(path.size() - 1);
			}
			for (String segment : target.split("/")) {
				if (segment.equals("..")) {
					if (!path.isEmpty()) {
						path.remove(path.size() - 1);
					}
				}
				else if (!segment.isEmpty() && !segment.equals(".")) {
					path.add(segment);
				}
			}
			return String.join("/", path);
		}

		/** Opens a part for reading; null when the package has no such part. */
		private Part open(String name) throws IOException, XMLStreamException {
			ZipEntry entry = this.entries.get(name.toLowerCase(Locale.ROOT));
			if (entry == null) {
				return null;
			}
			long left = MAX_INFLATED_MEGABYTES * 1024L * 1024L - this.inflated;
			Limited in = new Limited(this.zip.getInputStream(entry), left, () -> new Refused(UNREADABLE));
			try {
				return new Part(this.factory.createXMLStreamReader(in), in);
			}
			catch (XMLStreamException | RuntimeException ex) {
				in.close();
				throw ex;
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
				case "s" -> this.strings.get(Integer.parseInt(raw.strip()));
				case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
				case "d" -> raw.endsWith("T00:00:00") ? raw.substring(0, raw.length() - 9) : raw;
				case "n" -> number(raw.strip(), style);
				default -> raw;
			};
		}

		private String number(String raw, int style) {
			boolean styled = style >= 0 && style < this.cellFormats.size();
			int formatId = styled ? this.cellFormats.get(style) : 0;
			// Only custom formats matter: no built-in one is zeros alone but "0", and the
			// built-in date formats are known by their ids
			String format = styled ? this.formats.get(formatId) : null;
			double value = Double.parseDouble(raw);
			if (styled && isDateFormat(formatId, format) && value > -Double.MIN_VALUE) {
				LocalDateTime at = dateTime(value, this.date1904);
				return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.format(DATE_TIME);
			}
			String plain = new BigDecimal(raw).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
			if (format != null && ZEROS.matcher(format).matches() && DIGITS.matcher(plain).matches()
					&& plain.length() < format.length()) {
				return "0".repeat(format.length() - plain.length()) + plain;
			}
			return plain;
		}

		/**
		 * Whether a number format shows a date or a time, as POI's
		 * {@code DateUtil.isADateFormat} decides it: a built-in date format (ids 14 to 22
		 * and 45 to 47), or a format made only of date and time parts ({@code y m d h s},
		 * separators, an AM/PM marker), after any leading locale or colour and without
		 * any part after a {@code ;}.
		 */
		static boolean isDateFormat(int id, String format) {
			if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) {
				return true;
			}
			if (format == null || format.isEmpty()) {
				return false;
			}
			StringBuilder plain = new StringBuilder(format.length());
			for (int i = 0; i < format.length(); i++) {
				char c = format.charAt(i);
				if (i < format.length() - 1) {
					char next = format.charAt(i + 1);
					if (c == '\\' && "-,. \\".indexOf(next) >= 0) {
						continue;
					}
					if (c == ';' && next == '@') {
						i++;
						continue;
					}
				}
				plain.append(c);
			}
			String fs = plain.toString();
			if (DateFormats.ELAPSED.matcher(fs).matches()) {
				return true;
			}
			fs = DateFormats.NUMBERING.matcher(fs).replaceAll("");
			fs = DateFormats.LOCALE.matcher(fs).replaceAll("");
			fs = DateFormats.COLOUR.matcher(fs).replaceAll("");
			int separator = fs.indexOf(';');
			if (0 < separator && separator < fs.length() - 1) {
				fs = fs.substring(0, separator);
			}
			return DateFormats.LETTERS.matcher(fs).find() && DateFormats.DATE.matcher(fs).matches();
		}

		/**
		 * A date serial number as a date and time, rounded to the second, as POI's
		 * {@code DateUtil.getLocalDateTime} gives it: days since 1900-01-00 (Excel counts
		 * a 1900-02-29 that never was) or since 1904-01-01.
		 */
		static LocalDateTime dateTime(double serial, boolean date1904) {
			BigDecimal days = BigDecimal.valueOf(serial);
			int wholeDays = days.intValue();
			int startYear = date1904 ? 1904 : 1900;
			int dayAdjust = date1904 ? 1 : (wholeDays < 61) ? 0 : -1;
			LocalDateTime at = LocalDateTime.of(startYear, 1, 1, 0, 0).plusDays(wholeDays + dayAdjust - 1L);
			long nanos = days.subtract(BigDecimal.valueOf(wholeDays))
				.multiply(DateFormats.NANOS_PER_DAY)
				.add(DateFormats.HALF_SECOND)
				.longValue();
			return at.plusNanos(nanos).truncatedTo(ChronoUnit.SECONDS);
		}

		private static String lowerCase(String value) {
			return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
		}

		private static String strip(String value) {
			return (value != null) ? value.strip() : null;
		}

		/**
		 * One part of a package as StAX events. A DTD is refused, so that no entity can
		 * be declared. Closing it closes the part's stream and adds what it inflated to
		 * the package's count.
		 */
		private final class Part implements AutoCloseable {

			private final XMLStreamReader xml;

			private final Limited in;

			Part(XMLStreamReader xml, Limited in) {
				this.xml = xml;
				this.in = in;
			}

			int next() throws XMLStreamException {
				int event = this.xml.next();
				if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
					throw new Refused(UNREADABLE);
				}
				return event;
			}

			/** The current element's local name. */
			String name() {
				return this.xml.getLocalName();
			}

			String namespace() {
				return this.xml.getNamespaceURI();
			}

			/**
			 * The value of the current element's attribute of this name, in no namespace.
			 */
			String attribute(String name) {
				return this.xml.getAttributeValue(null, name);
			}

			/**
			 * The id of a workbook's {@code sheet} element: its {@code r:id}, taken as
			 * POI does (any attribute named {@code id}, if the sheet also has a name);
			 * null if none.
			 */
			String sheetId() {
				String name = null;
				String id = null;
				for (int i = 0; i < this.xml.getAttributeCount(); i++) {
					String attribute = this.xml.getAttributeLocalName(i);
					if (attribute.equalsIgnoreCase("name")) {
						name = this.xml.getAttributeValue(i);
					}
					else if (attribute.equalsIgnoreCase("id")) {
						id = this.xml.getAttributeValue(i);
					}
				}
				return (name != null && id != null && !id.isEmpty()) ? id : null;
			}

			boolean isText() {
				return this.xml.isCharacters() || this.xml.getEventType() == XMLStreamConstants.CDATA
						|| this.xml.getEventType() == XMLStreamConstants.SPACE;
			}

			void appendText(StringBuilder text) {
				text.append(this.xml.getTextCharacters(), this.xml.getTextStart(), this.xml.getTextLength());
			}

			@Override
			public void close() throws IOException {
				try {
					this.xml.close();
				}
				catch (XMLStreamException ex) {
					throw new IOException(ex);
				}
				finally {
					Xlsx.this.inflated += this.in.count();
					this.in.close();
				}
			}

		}

		/** A relationship: its type and its target's entry name. */
		private record Relationship(String type, String target) {
		}

	}

	/** The patterns and constants of POI's {@code DateUtil} that dates need. */
	private static final class DateFormats {

		/** Elapsed time: {@code [h]}, {@code [mm]}, {@code [ss]}. */
		static final Pattern ELAPSED = Pattern.compile("^\\[([hH]+|[mM]+|[sS]+)]");

		/** Chinese numbering, {@code [DBNum1]} to {@code [DBNum3]}. */
		static final Pattern NUMBERING = Pattern.compile("^\\[DBNum([123])]");

		/** A locale or currency, {@code [$-409]}. */
		static final Pattern LOCALE = Pattern.compile("^\\[\\$-.*?]");

		/** A colour, {@code [Red]}. */
		static final Pattern COLOUR = Pattern.compile("^\\[[a-zA-Z]+]");

		static final Pattern LETTERS = Pattern.compile("[yYmMdDhHsS]");

		static final Pattern DATE = Pattern
			.compile("^[\\[\\]yYmMdDhHsS\\-T/\u5e74\u6708\u65e5,. :\"\\\\]+0* ?[ampAMP/]*$");

		static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(24 * 60 * 60 * 1e9);

		static final BigDecimal HALF_SECOND = BigDecimal.valueOf(0.5 * 1e9);

		private DateFormats() {
		}

	}

	/**
	 * Collects the cells of each row of a sheet, addressed by their references so that
	 * gaps stay gaps, and refuses any formula with its cell's reference.
	 */
	private static final class Sheet {

		/** The last column Excel has, XFD, from 0. */
		private static final int LAST_COLUMN = 16_383;

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

		private boolean inCell;

		private boolean inValue;

		private boolean inInlineString;

		private boolean inText;

		private boolean inPhonetic;

		Sheet(Xlsx cells, Collector collector) {
			this.cells = cells;
			this.collector = collector;
		}

		void read(Xlsx.Part part) throws XMLStreamException {
			for (int event = part.next(); event != XMLStreamConstants.END_DOCUMENT; event = part.next()) {
				if (event == XMLStreamConstants.START_ELEMENT) {
					start(part);
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					end(part.name());
				}
				else if ((this.inValue || this.inText) && part.isText()) {
					part.appendText(this.text);
				}
			}
		}

		private void start(Xlsx.Part part) {
			switch (part.name()) {
				case "row" -> {
					String number = part.attribute("r");
					this.rowNumber = (number != null) ? Integer.parseInt(number.strip()) : this.rowNumber + 1;
					this.column = -1;
					this.row = new ArrayList<>();
				}
				case "c" -> {
					String reference = part.attribute("r");
					this.column = (reference != null) ? columnOf(reference) : this.column + 1;
					if (this.column < 0 || this.column > LAST_COLUMN) {
						throw new Refused(UNREADABLE);
					}
					this.type = part.attribute("t");
					String styleIndex = part.attribute("s");
					this.style = (styleIndex != null) ? Integer.parseInt(styleIndex.strip()) : 0;
					this.raw = null;
					this.inCell = true;
				}
				case "f" -> {
					if (this.inCell) {
						throw new Refused(FORMULAS, columnName(this.column) + this.rowNumber);
					}
				}
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

		private void end(String name) {
			switch (name) {
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
					this.inCell = false;
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

		/** The column of a cell reference such as {@code C7}, from 0; -1 past XFD. */
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

		/** The letters of a column from 0: {@code A}, ..., {@code Z}, {@code AA}, ... */
		private static String columnName(int column) {
			StringBuilder name = new StringBuilder();
			for (int n = column + 1; n > 0; n = (n - 1) / 26) {
				name.insert(0, (char) ('A' + (n - 1) % 26));
			}
			return name.toString();
		}

	}

}
