package vn.edu.portal.system;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded table (units, accounts) for a bulk import, from an .xlsx or a .csv
 * file.
 * <p>
 * The format is taken from the content, never from the name: a file that starts like a
 * ZIP archive is read as an Excel workbook (its first sheet only, with Apache POI's
 * streaming reader), plain text as CSV in UTF-8, with or without a byte order mark (with
 * FastCSV); anything else (an old .xls, HTML, PDF, an image) is refused. The first
 * non-blank row is the header; its names are matched without regard to case. Every value
 * comes back trimmed and in Unicode NFC, an empty cell as {@code ""}. A file that cannot
 * be taken is refused with a {@link Refused} that names a message key and its arguments.
 * <p>
 * Every limit is a budget counted while the file is read, never after: a small file that
 * unfolds into a large one (a zip bomb, a text of a gigabyte, a million cells or shared
 * strings, a number with a billion digits) is refused before it takes the memory or the
 * time it asks for.
 */
public final class TabularFile {

	/** The largest file accepted, in megabytes. */
	public static final int MAX_MEGABYTES = 10;

	/** The most data rows (not counting the header and blank rows) accepted. */
	public static final int MAX_ROWS = 100_000;

	/** The most cells read, empty ones included, over the whole file. */
	private static final int MAX_CELLS = 3_000_000;

	/** The most columns a row may have: Excel's own, up to XFD. */
	private static final int MAX_COLUMNS = 16_384;

	/** The longest text of one cell: Excel's own limit. */
	private static final int MAX_CELL_CHARACTERS = 32_767;

	/**
	 * The most characters read over all cells; a workbook's shared strings have a budget
	 * of the same size.
	 */
	private static final int MAX_CHARACTERS = 30_000_000;

	/** The most shared strings a workbook may hold. */
	private static final int MAX_SHARED_STRINGS = 1_000_000;

	/** The most rows of any kind, blank ones included: Excel's own number. */
	private static final int MAX_LINES = 1_048_576;

	private static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;

	/** An escaped character in a workbook's text, such as {@code _x000D_}. */
	private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");

	private static final String EMPTY = "import.file.empty";

	private static final String TOO_LARGE = "import.file.tooLarge";

	private static final String UNREADABLE = "import.file.unreadable";

	private static final String MACROS = "import.file.macros";

	private static final String FORMULAS = "import.file.formulas";

	private static final String NUMBER = "import.file.number";

	private static final String TOO_MANY_ROWS = "import.file.tooManyRows";

	private static final String TOO_MANY_CELLS = "import.file.tooManyCells";

	private static final String TOO_MANY_COLUMNS = "import.file.tooManyColumns";

	private static final String CELL_TOO_LONG = "import.file.cellTooLong";

	private static final String TEXT_TOO_LONG = "import.file.textTooLong";

	private static final String TOO_MUCH_TEXT = "import.file.tooMuchText";

	private static final String TOO_MANY_STRINGS = "import.file.tooManyStrings";

	private static final String COLUMNS = "import.file.columns";

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
	 * formulas, runs past a budget, or lacks an expected column
	 */
	public static Table read(String fileName, InputStream content, long size, List<String> expectedColumns) {
		if (content == null || size == 0) {
			throw new Refused(EMPTY);
		}
		if (size > MAX_BYTES) {
			throw new Refused(TOO_LARGE, MAX_MEGABYTES);
		}
		Collector collector = new Collector(expectedColumns);
		Path file = temporaryFile();
		try {
			copy(content, file);
			if (Files.size(file) == 0) {
				throw new Refused(EMPTY);
			}
			FileMagic magic = FileMagic.valueOf(file.toFile());
			if (magic == FileMagic.OOXML) {
				Workbook.read(file, collector);
			}
			else if (magic != FileMagic.UNKNOWN || isWorkbookName(fileName)) {
				throw new Refused(UNREADABLE);
			}
			else {
				Csv.read(file, collector);
			}
		}
		catch (IOException ex) {
			throw new Refused(UNREADABLE);
		}
		finally {
			delete(file);
		}
		return collector.table();
	}

	/** Copies the upload, refusing it once it runs past the size limit. */
	private static void copy(InputStream content, Path file) throws IOException {
		InputStream limited = BoundedInputStream.builder()
			.setInputStream(content)
			.setMaxCount(MAX_BYTES + 1)
			.setOnMaxCount((max, count) -> {
				throw new Refused(TOO_LARGE, MAX_MEGABYTES);
			})
			.get();
		Files.copy(limited, file, StandardCopyOption.REPLACE_EXISTING);
	}

	private static Path temporaryFile() {
		try {
			return Files.createTempFile("import-", ".upload");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isWorkbookName(String fileName) {
		String name = (fileName != null) ? fileName.strip().toLowerCase(Locale.ROOT) : "";
		return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls");
	}

	/** The refusal behind an exception that a library wrapped around it, if any. */
	private static Refused refusal(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof Refused refused) {
				return refused;
			}
		}
		return new Refused(UNREADABLE);
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

	/** A cell's reference as Excel shows it, such as {@code C7}; the column from 0. */
	private static String reference(int column, int line) {
		return CellReference.convertNumToColString(column) + line;
	}

	/**
	 * Text with Excel's escapes of characters that XML cannot hold, such as
	 * {@code _x000D_}, decoded.
	 */
	private static String unescaped(String text) {
		if (!text.contains("_x")) {
			return text;
		}
		return ESCAPED.matcher(text)
			.replaceAll(
					(match) -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(match.group(1), 16))));
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

	/**
	 * Takes the cells of either format as they are read, counts them against the budgets,
	 * and builds the table. Only the header's columns are kept, so a row's cells far to
	 * the right (up to XFD) cost nothing but their count.
	 */
	private static final class Collector {

		private final List<String> expected;

		/** The column name at each position of the header, by position from 0. */
		private Map<Integer, String> columns;

		private final List<String> header = new ArrayList<>();

		private final List<Row> rows = new ArrayList<>();

		/** The current row's non-empty values by position. */
		private final Map<Integer, String> row = new TreeMap<>();

		private boolean blank;

		private int line;

		private int lines;

		private int cells;

		private long characters;

		Collector(List<String> expectedColumns) {
			this.expected = expectedColumns.stream().map(Collector::columnName).toList();
		}

		void startRow(int line) {
			if (++this.lines > MAX_LINES) {
				throw new Refused(TOO_MANY_ROWS, MAX_ROWS);
			}
			this.line = line;
			this.row.clear();
			this.blank = true;
		}

		/** Counts one cell read, empty or not. */
		void cellRead() {
			if (++this.cells > MAX_CELLS) {
				throw new Refused(TOO_MANY_CELLS, MAX_CELLS);
			}
		}

		/** A cell's value in the current row, its column from 0; null is empty. */
		void value(int column, String value) {
			if (value == null || value.isEmpty()) {
				return;
			}
			if (value.length() > MAX_CELL_CHARACTERS) {
				throw new Refused(CELL_TOO_LONG, reference(column, this.line), MAX_CELL_CHARACTERS);
			}
			this.characters += value.length();
			if (this.characters > MAX_CHARACTERS) {
				throw new Refused(TOO_MUCH_TEXT, MAX_CHARACTERS);
			}
			String clean = clean(value);
			if (clean.isEmpty()) {
				return;
			}
			this.blank = false;
			if (this.columns == null || this.columns.containsKey(column)) {
				this.row.put(column, clean);
			}
		}

		void endRow() {
			if (this.blank) {
				return;
			}
			if (this.columns == null) {
				header();
				return;
			}
			if (this.rows.size() == MAX_ROWS) {
				throw new Refused(TOO_MANY_ROWS, MAX_ROWS);
			}
			Map<String, String> byName = new LinkedHashMap<>();
			this.columns.forEach((column, name) -> byName.put(name, this.row.getOrDefault(column, "")));
			this.rows.add(new Row(this.line, byName));
		}

		private void header() {
			this.columns = new LinkedHashMap<>();
			Set<String> seen = new HashSet<>();
			this.row.forEach((column, cell) -> {
				String name = columnName(cell);
				if (seen.add(name)) {
					this.columns.put(column, name);
					this.header.add(name);
				}
			});
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
	 * RFC 4180 CSV in UTF-8, read with FastCSV: quoted fields with doubled quotes,
	 * separators and line breaks inside; CRLF, LF or CR line ends. The separator is
	 * {@code ;} when the header is a single field that holds a semicolon, as Excel saves
	 * it where the list separator is a semicolon; {@code ,} otherwise. The fields come to
	 * this handler one by one, so that the budgets are counted before a record is whole.
	 */
	private static final class Csv extends AbstractBaseCsvCallbackHandler<Csv.Record> {

		/** The most characters FastCSV holds at once (of one record). */
		private static final int MAX_BUFFER = 1024 * 1024;

		private final Collector collector;

		private final List<String> fields = new ArrayList<>();

		private int line;

		private Csv(Collector collector) {
			this.collector = collector;
		}

		static void read(Path file, Collector collector) throws IOException {
			char separator = separator(file);
			try (CsvReader<Record> csv = reader(file, separator, new Csv(collector))) {
				for (Record record : csv) {
					collector.startRow(record.line());
					for (int column = 0; column < record.fields().size(); column++) {
						collector.value(column, unescapeFormula(record.fields().get(column), column, record.line()));
					}
					collector.endRow();
				}
			}
			catch (UncheckedIOException | CsvParseException ex) {
				throw refusal(ex);
			}
		}

		/**
		 * The separator, from the first non-blank record read as comma separated; within
		 * the budgets of a collector of its own.
		 */
		private static char separator(Path file) throws IOException {
			try (CsvReader<Record> csv = reader(file, ',', new Csv(new Collector(List.of())))) {
				for (Record record : csv) {
					if (record.fields().stream().anyMatch((field) -> !field.isBlank())) {
						List<String> header = record.fields();
						return (header.size() == 1 && header.get(0).indexOf(';') >= 0) ? ';' : ',';
					}
				}
			}
			catch (UncheckedIOException | CsvParseException ex) {
				throw refusal(ex);
			}
			return ',';
		}

		private static CsvReader<Record> reader(Path file, char separator, Csv handler) throws IOException {
			Reader text = new InputStreamReader(BOMInputStream.builder().setPath(file).get(),
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT));
			return CsvReader.builder()
				.fieldSeparator(separator)
				.quoteCharacter('"')
				.commentStrategy(CommentStrategy.NONE)
				.skipEmptyLines(false)
				.allowExtraFields(true)
				.allowMissingFields(true)
				.allowExtraCharsAfterClosingQuote(true)
				.maxBufferSize(MAX_BUFFER)
				.build(handler, text);
		}

		/**
		 * Text is never a formula here either: a cell starting with "=" is refused as in
		 * a workbook, and the quote the export puts before = + - @ (so that a spreadsheet
		 * shows text) is taken off again, so an export re-imports unchanged.
		 */
		private static String unescapeFormula(String cell, int column, int line) {
			String trimmed = cell.strip();
			if (trimmed.startsWith("=")) {
				throw new Refused(FORMULAS, reference(column, line));
			}
			if (trimmed.length() > 1 && trimmed.charAt(0) == '\'' && "=+-@".indexOf(trimmed.charAt(1)) >= 0) {
				return trimmed.substring(1);
			}
			return cell;
		}

		@Override
		protected void handleBegin(long startingLineNumber) {
			this.line++;
			this.fields.clear();
		}

		@Override
		protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
			this.collector.cellRead();
			if (index >= MAX_COLUMNS) {
				throw new Refused(TOO_MANY_COLUMNS, MAX_COLUMNS);
			}
			if (length > MAX_CELL_CHARACTERS) {
				throw new Refused(CELL_TOO_LONG, reference(index, this.line), MAX_CELL_CHARACTERS);
			}
			for (int i = offset; i < offset + length; i++) {
				if (buffer[i] == '\0') {
					throw new Refused(UNREADABLE);
				}
			}
			this.fields.add((length > 0) ? new String(buffer, offset, length) : "");
		}

		@Override
		protected Record buildRecord() {
			return new Record(this.line, List.copyOf(this.fields));
		}

		/** A record: its number (as Excel numbers the rows) and its fields. */
		record Record(int line, List<String> fields) {
		}

	}

	/**
	 * The first sheet of an Office Open XML workbook, read with Apache POI: its package
	 * (relationships, content types) through {@link OPCPackage}, the sheet's rows as SAX
	 * events through {@link XSSFSheetXMLHandler}. POI's XML parsers take no document
	 * type, so no entity can be declared. Below them every part is read through a
	 * {@link Part} that counts what it inflates, and above them the SAX events pass
	 * through handlers that count cells, characters and shared strings and refuse
	 * formulas, before POI builds any value.
	 */
	private static final class Workbook {

		private static final String MAIN = XSSFRelation.NS_SPREADSHEETML;

		/** The most bytes all parts may inflate to together. */
		private static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;

		/**
		 * The most bytes a part other than a worksheet or the shared strings may inflate
		 * to: POI reads such parts whole.
		 */
		private static final long MAX_PART_BYTES = 8L * 1024 * 1024;

		/**
		 * The most bytes of XML between two {@code <}: bounds every text and every
		 * attribute value a parser builds (a cell's longest text, as numeric character
		 * references, fits ten times).
		 */
		private static final int MAX_RUN = 10 * MAX_CELL_CHARACTERS;

		/** The most XML elements in one part. */
		private static final int MAX_ELEMENTS = 4 * MAX_CELLS + MAX_LINES;

		private final OPCPackage pkg;

		private final Collector collector;

		private Workbook(OPCPackage pkg, Collector collector) {
			this.pkg = pkg;
			this.collector = collector;
		}

		static void read(Path file, Collector collector) {
			try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
				for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements();) {
					if (entries.nextElement().getName().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
						throw new Refused(MACROS);
					}
				}
				try (OPCPackage pkg = OPCPackage.open(new Parts(new ZipFileZipEntrySource(zip)))) {
					new Workbook(pkg, collector).readFirstSheet();
				}
			}
			catch (Exception ex) {
				throw refusal(ex);
			}
		}

		private void readFirstSheet() throws Exception {
			for (PackagePart part : this.pkg.getParts()) {
				if (part.getContentType().toLowerCase(Locale.ROOT).contains("macroenabled")) {
					throw new Refused(MACROS);
				}
			}
			XSSFReader reader = new XSSFReader(this.pkg);
			WorkbookProperties properties = new WorkbookProperties();
			try (InputStream workbook = reader.getWorkbookData()) {
				parse(workbook, properties);
			}
			StylesTable styles = reader.getStylesTable();
			SharedStrings strings = new SharedStrings();
			List<PackagePart> sharedStrings = this.pkg
				.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
			if (!sharedStrings.isEmpty()) {
				try (InputStream data = sharedStrings.get(0).getInputStream()) {
					parse(data, strings);
				}
			}
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			if (!sheets.hasNext()) {
				throw new Refused(UNREADABLE);
			}
			try (InputStream sheet = sheets.next()) {
				parse(sheet, new Sheet(this.collector, (styles != null) ? styles : new StylesTable(), strings,
						properties.date1904));
			}
		}

		/** Parses with POI's XML reader, which refuses a document type. */
		private static void parse(InputStream in, ContentHandler handler) throws IOException, SAXException {
			try {
				XMLReader reader = XMLHelper.newXMLReader();
				reader.setContentHandler(handler);
				reader.parse(new InputSource(in));
			}
			catch (ParserConfigurationException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** Whether the workbook counts its dates from 1904. */
		private static final class WorkbookProperties extends DefaultHandler {

			private boolean date1904;

			@Override
			public void startElement(String uri, String localName, String qName, Attributes attributes) {
				if (MAIN.equals(uri) && "workbookPr".equals(localName)) {
					String value = attributes.getValue("date1904");
					this.date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
				}
			}

		}

		/** The package's entries as POI reads them: each through a {@link Part}. */
		private static final class Parts implements ZipEntrySource {

			private final ZipEntrySource entries;

			private long inflated;

			Parts(ZipEntrySource entries) {
				this.entries = entries;
			}

			@Override
			public Enumeration<? extends ZipArchiveEntry> getEntries() {
				return this.entries.getEntries();
			}

			@Override
			public ZipArchiveEntry getEntry(String path) {
				return this.entries.getEntry(path);
			}

			@Override
			public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
				String name = entry.getName().toLowerCase(Locale.ROOT);
				boolean large = name.startsWith("xl/worksheets/") || name.contains("sharedstrings");
				boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
				return new Part(this, this.entries.getInputStream(entry), large ? MAX_INFLATED_BYTES : MAX_PART_BYTES,
						xml);
			}

			@Override
			public void close() throws IOException {
				this.entries.close();
			}

			@Override
			public boolean isClosed() {
				return this.entries.isClosed();
			}

		}

		/**
		 * One part as it inflates: refused past its own limit or the package's, and, for
		 * XML, past {@value #MAX_RUN} bytes without markup or at any {@code <!} (a
		 * document type, a comment, a CDATA section) or {@code <?} after the XML
		 * declaration. So no parser above it ever builds a text or an attribute value
		 * longer than that, however well the part compresses.
		 */
		private static final class Part extends FilterInputStream {

			private final Parts parts;

			private final long limit;

			private final boolean xml;

			private long count;

			private int run;

			private boolean markup;

			private boolean declared;

			Part(Parts parts, InputStream in, long limit, boolean xml) {
				super(in);
				this.parts = parts;
				this.limit = limit;
				this.xml = xml;
			}

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return (read(one, 0, 1) == 1) ? (one[0] & 0xFF) : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					counted(n);
					if (this.xml) {
						scan(buffer, offset, n);
					}
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
				this.parts.inflated += n;
				if (this.count > this.limit || this.parts.inflated > MAX_INFLATED_BYTES) {
					throw new Refused(UNREADABLE);
				}
			}

			private void scan(byte[] buffer, int offset, int length) {
				for (int i = offset; i < offset + length; i++) {
					byte b = buffer[i];
					if (this.markup) {
						this.markup = false;
						if (b == '!' || (b == '?' && this.declared)) {
							throw new Refused(UNREADABLE);
						}
						this.declared = true;
					}
					if (b == '<') {
						this.markup = true;
						this.run = 0;
					}
					else if (++this.run > MAX_RUN) {
						throw new Refused(UNREADABLE);
					}
				}
			}

		}

		/**
		 * The shared strings, for POI's sheet handler: the text of each item's runs,
		 * without phonetic guides, and with Excel's {@code _xHHHH_} escapes decoded;
		 * counted and measured as they are read. An item is handed out as a plain rich
		 * text of POI's (one of its own, XSSF's, costs an XML document each).
		 */
		private static final class SharedStrings extends DefaultHandler
				implements org.apache.poi.xssf.model.SharedStrings {

			private final List<String> strings = new ArrayList<>();

			private final StringBuilder text = new StringBuilder();

			private int elements;

			private boolean inItem;

			private boolean inText;

			/**
			 * How deep inside a phonetic guide ({@code rPh}) the parser is; 0 outside.
			 */
			private int phonetic;

			private long characters;

			@Override
			public RichTextString getItemAt(int index) {
				if (index < 0 || index >= this.strings.size()) {
					throw new Refused(UNREADABLE);
				}
				return new HSSFRichTextString(this.strings.get(index));
			}

			@Override
			public int getCount() {
				return this.strings.size();
			}

			@Override
			public int getUniqueCount() {
				return this.strings.size();
			}

			@Override
			public void startElement(String uri, String localName, String qName, Attributes attributes) {
				if (++this.elements > MAX_ELEMENTS) {
					throw new Refused(UNREADABLE);
				}
				if (this.phonetic > 0) {
					this.phonetic++;
				}
				else if (MAIN.equals(uri)) {
					switch (localName) {
						case "si" -> {
							if (this.strings.size() == MAX_SHARED_STRINGS) {
								throw new Refused(TOO_MANY_STRINGS, MAX_SHARED_STRINGS);
							}
							this.inItem = true;
							this.text.setLength(0);
						}
						case "t" -> this.inText = this.inItem;
						case "rPh" -> this.phonetic = 1;
						default -> {
						}
					}
				}
			}

			@Override
			public void characters(char[] chars, int start, int length) {
				if (!this.inText || this.phonetic > 0) {
					return;
				}
				if (this.text.length() + length > MAX_CELL_CHARACTERS) {
					throw new Refused(TEXT_TOO_LONG, MAX_CELL_CHARACTERS);
				}
				this.characters += length;
				if (this.characters > MAX_CHARACTERS) {
					throw new Refused(TOO_MUCH_TEXT, MAX_CHARACTERS);
				}
				this.text.append(chars, start, length);
			}

			@Override
			public void endElement(String uri, String localName, String qName) {
				if (this.phonetic > 0) {
					this.phonetic--;
				}
				else if (MAIN.equals(uri) && "t".equals(localName)) {
					this.inText = false;
				}
				else if (MAIN.equals(uri) && "si".equals(localName) && this.inItem) {
					this.inItem = false;
					this.strings.add(unescaped(this.text.toString()));
				}
			}

		}

		/**
		 * The sheet's SAX events on their way to POI's {@link XSSFSheetXMLHandler}, and
		 * its cells on their way to the collector. On the way in: every cell is counted
		 * (empty ones too), its column checked to be no further than XFD and its text
		 * counted as it comes; a formula is refused with its cell's reference, a number
		 * that is no finite number is refused before anything formats it, phonetic guides
		 * are left out, and text outside cells is not passed on. Inline strings are taken
		 * here, as POI would make an XML document of each.
		 */
		private static final class Sheet extends DefaultHandler implements SheetContentsHandler {

			private final Collector collector;

			private final ContentHandler cells;

			private final StringBuilder value = new StringBuilder();

			private int elements;

			private int row;

			private int column;

			private String type;

			private boolean inCell;

			private boolean inline;

			private boolean inValue;

			private boolean inText;

			private int cellCharacters;

			/**
			 * How deep inside a phonetic guide ({@code rPh}) the parser is; 0 outside.
			 */
			private int phonetic;

			Sheet(Collector collector, StylesTable styles, SharedStrings strings, boolean date1904) {
				this.collector = collector;
				this.cells = new XSSFSheetXMLHandler(styles, strings, this, new Numbers(date1904), false);
			}

			@Override
			public void startElement(String uri, String localName, String qName, Attributes attributes)
					throws SAXException {
				if (++this.elements > MAX_ELEMENTS) {
					throw new Refused(UNREADABLE);
				}
				if (this.phonetic > 0) {
					this.phonetic++;
					return;
				}
				if (MAIN.equals(uri) && "c".equals(localName)) {
					startCell(attributes);
				}
				else if (MAIN.equals(uri) && this.inCell) {
					switch (localName) {
						case "f" -> throw new Refused(FORMULAS, reference(this.column, this.row));
						case "v" -> {
							this.inValue = !this.inline;
							this.value.setLength(0);
						}
						case "t" -> this.inText = this.inline;
						case "rPh" -> {
							this.phonetic = 1;
							return;
						}
						default -> {
						}
					}
				}
				if (!this.inline) {
					this.cells.startElement(uri, localName, qName, attributes);
				}
			}

			private void startCell(Attributes attributes) {
				this.collector.cellRead();
				String cell = attributes.getValue("r");
				this.column = (cell != null) ? column(cell) : this.column + 1;
				if (this.column >= MAX_COLUMNS) {
					throw new Refused(UNREADABLE);
				}
				String cellType = attributes.getValue("t");
				this.type = (cellType != null) ? cellType : "n";
				this.inline = this.type.equals("inlineStr");
				this.inCell = true;
				this.cellCharacters = 0;
				this.value.setLength(0);
			}

			/** The column of a cell reference such as {@code C7}, from 0. */
			private static int column(String cell) {
				int letters = 0;
				while (letters < cell.length() && Character.isLetter(cell.charAt(letters))) {
					letters++;
				}
				if (letters == 0 || letters > 3) {
					throw new Refused(UNREADABLE);
				}
				return CellReference.convertColStringToIndex(cell.substring(0, letters));
			}

			@Override
			public void characters(char[] text, int start, int length) throws SAXException {
				if (this.phonetic > 0 || !this.inCell) {
					return;
				}
				this.cellCharacters += length;
				if (this.cellCharacters > MAX_CELL_CHARACTERS) {
					throw new Refused(CELL_TOO_LONG, reference(this.column, this.row), MAX_CELL_CHARACTERS);
				}
				if (this.inValue || this.inText) {
					this.value.append(text, start, length);
				}
				if (!this.inline) {
					this.cells.characters(text, start, length);
				}
			}

			@Override
			public void endElement(String uri, String localName, String qName) throws SAXException {
				if (this.phonetic > 0) {
					this.phonetic--;
					return;
				}
				boolean inline = this.inline;
				if (MAIN.equals(uri) && this.inCell) {
					switch (localName) {
						case "v" -> {
							if (this.inValue) {
								this.inValue = false;
								checkValue(this.value.toString().strip());
							}
						}
						case "t" -> this.inText = false;
						case "c" -> {
							this.inCell = false;
							this.inline = false;
							if (inline) {
								this.collector.value(this.column, unescaped(this.value.toString()));
							}
						}
						default -> {
						}
					}
				}
				if (!inline) {
					this.cells.endElement(uri, localName, qName);
				}
			}

			/**
			 * Refuses a shared string's index or a number that POI could not take as such
			 * (it would log the cell and keep it as typed).
			 */
			private void checkValue(String value) {
				if (value.isEmpty()) {
					return;
				}
				try {
					if (this.type.equals("s")) {
						Integer.parseInt(value);
					}
					else if (this.type.equals("n") && !Double.isFinite(Double.parseDouble(value))) {
						throw new Refused(NUMBER, reference(this.column, this.row));
					}
				}
				catch (NumberFormatException ex) {
					throw new Refused(UNREADABLE);
				}
			}

			@Override
			public void startRow(int rowNum) {
				this.row = rowNum + 1;
				this.column = -1;
				this.collector.startRow(this.row);
			}

			@Override
			public void endRow(int rowNum) {
				this.collector.endRow();
			}

			@Override
			public void cell(String cellReference, String formattedValue, XSSFComment comment) {
				this.collector.value(this.column, formattedValue);
			}

		}

		/**
		 * Numbers as the user means them: plain ({@code 42}, {@code 1.5}, up to Excel's
		 * 15 digits), zero-padded when the cell's format is only zeros
		 * ({@code 0000000000}); date-formatted numbers as ISO dates ({@code 2023-08-01},
		 * with {@code HH:mm:ss} when there is a time of day).
		 */
		private static final class Numbers extends DataFormatter {

			private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

			private static final MathContext EXCEL_PRECISION = new MathContext(15);

			private static final Pattern ZEROS = Pattern.compile("0+");

			private static final Pattern DIGITS = Pattern.compile("\\d+");

			private final boolean date1904;

			Numbers(boolean date1904) {
				this.date1904 = date1904;
			}

			@Override
			public String formatRawCellContents(double value, int formatIndex, String formatString) {
				if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
					LocalDateTime at = DateUtil.getLocalDateTime(value, this.date1904, true);
					return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
							: at.format(DATE_TIME);
				}
				String plain = BigDecimal.valueOf(value).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
				if (formatString != null && ZEROS.matcher(formatString).matches() && DIGITS.matcher(plain).matches()
						&& plain.length() < formatString.length()) {
					return "0".repeat(formatString.length() - plain.length()) + plain;
				}
				return plain;
			}

		}

	}

}
