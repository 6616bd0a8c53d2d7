package vn.edu.portal.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import vn.edu.portal.system.TabularFile.Refused;
import vn.edu.portal.system.TabularFile.Row;
import vn.edu.portal.system.TabularFile.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading uploaded tables and writing them for download. */
class TabularFileTests {

	private static final List<String> UNIT_COLUMNS = List.of("code", "name");

	private static final List<String> HEADER = List.of("code", "name", "phone", "note");

	private static final List<List<String>> UNITS = List.of(
			List.of("0123", "Trường THPT Giồng Trôm", "0275 3822 420", "=HYPERLINK(\"http://x\")"),
			List.of("007", "Trường Tiểu học Đại Hòa Lộc", "", "-5"),
			List.of("A-1", "Sở Giáo dục và Đào tạo, \"Bến Tre\"", "+84 275 3822 420", ""));

	@Test
	void csvWithByteOrderMark() {
		Table table = readCsv("\uFEFFcode,name\r\nBT01,Trường A\r\nBT02,Trường B\r\n");
		assertThat(table.header()).containsExactly("code", "name");
		assertThat(table.rows()).extracting(Row::line).containsExactly(2, 3);
		assertThat(table.rows()).extracting(Row::values)
			.containsExactly(Map.of("code", "BT01", "name", "Trường A"), Map.of("code", "BT02", "name", "Trường B"));
	}

	@Test
	void csvWithoutByteOrderMarkAndWithLineFeedsOnly() {
		Table table = readCsv("Code , NAME\nBT01,  Trường A  \nBT02,Trường B");
		assertThat(table.header()).containsExactly("code", "name");
		assertThat(values(table)).containsExactly(List.of("BT01", "Trường A"), List.of("BT02", "Trường B"));
	}

	@Test
	void semicolonSeparatorWhenTheHeaderHasNoComma() {
		Table table = readCsv("\uFEFFcode;name\r\nBT01;Trường A, Giồng Trôm\r\n");
		assertThat(values(table)).containsExactly(List.of("BT01", "Trường A, Giồng Trôm"));
	}

	@Test
	void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() {
		Table table = readCsv("code,name\r\n\"BT,01\",\"Trường \"\"A\"\"\r\nsố 2\"\r\nBT02,\"\"\r\n");
		assertThat(values(table)).containsExactly(List.of("BT,01", "Trường \"A\"\r\nsố 2"), List.of("BT02", ""));
		assertThat(table.rows()).extracting(Row::line).containsExactly(2, 3);
	}

	@Test
	void decomposedVietnameseComesBackComposed() {
		String decomposed = Normalizer.normalize("Giồng Trôm", Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo("Giồng Trôm");
		Table table = readCsv("code,name\nBT01," + decomposed + "\n");
		assertThat(table.rows().get(0).values().get("name")).isEqualTo("Giồng Trôm");
	}

	@Test
	void blankLinesAreSkippedButCounted() {
		Table table = readCsv("\ncode,name\n\nBT01,A\n , \n,,\nBT02,B\n\n");
		assertThat(table.rows()).extracting(Row::line).containsExactly(4, 7);
		assertThat(values(table)).containsExactly(List.of("BT01", "A"), List.of("BT02", "B"));
	}

	@Test
	void shortRowsAreFilledAndExtraColumnsIgnored() {
		Table table = readCsv("code,remark,name\nBT01\nBT02,x,B,surplus\n");
		assertThat(table.header()).containsExactly("code", "remark", "name");
		assertThat(table.rows().get(0).values()).containsExactly(Map.entry("code", "BT01"), Map.entry("remark", ""),
				Map.entry("name", ""));
		assertThat(table.rows().get(1).values()).containsEntry("name", "B").hasSize(3);
	}

	@Test
	void missingColumnsAreNamed() {
		assertRefused(() -> read("units.csv", utf8("code,remark\nBT01,x\n"), List.of("Code", "name", "email")),
				"import.file.columns", "name, email");
	}

	@Test
	void emptyFileIsRefused() {
		assertRefused(() -> TabularFile.read("units.csv", null, 0, UNIT_COLUMNS), "import.file.empty");
		assertRefused(() -> read("units.csv", new byte[0], UNIT_COLUMNS), "import.file.empty");
		assertRefused(() -> read("units.csv", utf8("\uFEFF\r\n,,\r\n"), UNIT_COLUMNS), "import.file.empty");
	}

	@Test
	void tooLargeSizeIsRefusedBeforeReading() {
		InputStream unread = new InputStream() {

			@Override
			public int read() {
				throw new AssertionError("read");
			}

		};
		assertRefused(() -> TabularFile.read("units.csv", unread, 10L * 1024 * 1024 + 1, UNIT_COLUMNS),
				"import.file.tooLarge", 10);
	}

	@Test
	void contentLongerThanItsAnnouncedSizeIsRefused() {
		byte[] large = new byte[10 * 1024 * 1024 + 1];
		Arrays.fill(large, (byte) 'a');
		assertRefused(() -> TabularFile.read("units.csv", new ByteArrayInputStream(large), 100, UNIT_COLUMNS),
				"import.file.tooLarge", 10);
	}

	@Test
	void tooManyRowsAreRefused() {
		assertThat(readCsv(generatedCsv(100_000)).rows()).hasSize(100_000)
			.last()
			.extracting(Row::line)
			.isEqualTo(100_001);
		assertRefused(() -> read("units.csv", utf8(generatedCsv(100_001)), UNIT_COLUMNS), "import.file.tooManyRows",
				100_000);
	}

	@Test
	void textThatIsNotUtf8IsRefused() {
		byte[] windows1258 = "code,name\nBT01,Trường\n".getBytes(Charset.forName("windows-1258"));
		assertRefused(() -> read("units.csv", windows1258, UNIT_COLUMNS), "import.file.unreadable");
		assertRefused(() -> read("units.csv", "code,name\n".getBytes(StandardCharsets.UTF_16LE), UNIT_COLUMNS),
				"import.file.unreadable");
	}

	@Test
	void xlsxNameOnTextIsRefused() {
		assertRefused(() -> read("units.xlsx", utf8("code,name\nBT01,A\n"), UNIT_COLUMNS), "import.file.unreadable");
	}

	@Test
	void brokenWorkbookIsRefused() {
		byte[] truncated = Arrays.copyOf(workbook((book) -> units(book.createSheet())), 600);
		assertRefused(() -> read("units.xlsx", truncated, UNIT_COLUMNS), "import.file.unreadable");
		byte[] notOffice = zip(Map.of("content.xml", "<office/>"));
		assertRefused(() -> read("units.ods", notOffice, UNIT_COLUMNS), "import.file.unreadable");
	}

	@Test
	void workbookIsReadByContentWhateverItsName() {
		Table table = read("units.csv", workbook((book) -> units(book.createSheet())), UNIT_COLUMNS);
		assertThat(values(table)).containsExactly(List.of("BT01", "Trường A"));
	}

	@Test
	void onlyTheFirstSheetIsRead() {
		byte[] workbook = workbook((book) -> {
			units(book.createSheet("Đơn vị"));
			book.createSheet("Khác").createRow(0).createCell(0).setCellValue("other");
		});
		assertThat(values(read("units.xlsx", workbook, UNIT_COLUMNS))).containsExactly(List.of("BT01", "Trường A"));
	}

	@Test
	void formulaIsRefusedWithItsCell() {
		byte[] workbook = workbook((book) -> {
			XSSFSheet sheet = book.createSheet();
			units(sheet);
			sheet.createRow(6).createCell(2).setCellFormula("1+1");
		});
		assertRefused(() -> read("units.xlsx", workbook, UNIT_COLUMNS), "import.file.formulas", "C7");
	}

	@Test
	void macroProjectIsRefused() {
		byte[] workbook = workbook((book) -> units(book.createSheet()));
		byte[] withMacros = withEntry(workbook, "xl/vbaProject.bin", new byte[] { 1, 2, 3 });
		assertRefused(() -> read("units.xlsx", withMacros, UNIT_COLUMNS), "import.file.macros");
	}

	@Test
	void macroEnabledWorkbookIsRefused() {
		XSSFWorkbook book = new XSSFWorkbook(XSSFWorkbookType.XLSM);
		units(book.createSheet());
		byte[] workbook = bytes(book);
		assertRefused(() -> read("units.xlsx", workbook, UNIT_COLUMNS), "import.file.macros");
	}

	@Test
	void xlsxValuesReadAsTheUserMeansThem() {
		byte[] workbook = workbook((book) -> {
			XSSFSheet sheet = book.createSheet();
			CellStyle date = style(book, "dd/mm/yyyy");
			CellStyle dateTime = style(book, "dd/mm/yyyy hh:mm");
			CellStyle tenDigits = style(book, "0000000000");
			row(sheet, 0, "founded", "pupils", "ratio", "phone", "mobile", "since");
			XSSFRow row = sheet.createRow(2);
			row.createCell(0).setCellValue(LocalDate.of(2023, 8, 1));
			row.getCell(0).setCellStyle(date);
			row.createCell(1).setCellValue(42);
			row.createCell(2).setCellValue(0.1 + 0.2);
			row.createCell(3).setCellValue("0275 3822 420");
			row.createCell(4).setCellValue(912345678);
			row.getCell(4).setCellStyle(tenDigits);
			row.createCell(5).setCellValue(LocalDateTime.of(2023, 8, 1, 14, 30));
			row.getCell(5).setCellStyle(dateTime);
		});
		Table table = read("units.xlsx", workbook, List.of("founded", "pupils"));
		assertThat(table.rows()).singleElement().satisfies((row) -> {
			assertThat(row.line()).isEqualTo(3);
			assertThat(row.values()).containsExactly(Map.entry("founded", "2023-08-01"), Map.entry("pupils", "42"),
					Map.entry("ratio", "0.3"), Map.entry("phone", "0275 3822 420"), Map.entry("mobile", "0912345678"),
					Map.entry("since", "2023-08-01 14:30:00"));
		});
	}

	@Test
	void datesOfA1904WorkbookAreRight() {
		byte[] workbook = workbook((book) -> {
			book.getCTWorkbook().getWorkbookPr().setDate1904(true);
			XSSFSheet sheet = book.createSheet();
			row(sheet, 0, "founded");
			sheet.createRow(1).createCell(0).setCellValue(LocalDate.of(2023, 8, 1));
			sheet.getRow(1).getCell(0).setCellStyle(style(book, "yyyy-mm-dd"));
		});
		assertThat(values(read("units.xlsx", workbook, List.of("founded")))).containsExactly(List.of("2023-08-01"));
	}

	@Test
	void sheetXmlIsReadByCellReferences() {
		String sheet = """
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
				<row r="2"><c r="B2" t="inlineStr"><is><t>Code</t></is></c><c t="inlineStr"><is><t>Name</t></is></c>
				<c r="E2" t="s"><v>0</v></c></row>
				<row r="5"><c r="C5" t="inlineStr"><is><r><t>Trường </t></r><r><rPr><b/></rPr><t>A</t></r>
				<rPh sb="0" eb="1"><t>phonetic</t></rPh></is></c><c r="B5"><v>7</v></c><c r="E5" t="s"><v>1</v></c></row>
				<row><c r="B6" t="b"><v>1</v></c><c r="E6"/></row>
				</sheetData></worksheet>""";
		String strings = """
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
				<si><r><t>No</t></r><r><t>te</t></r></si><si><t>line_x000D_break</t></si></sst>""";
		byte[] workbook = withEntry(
				withEntry(workbook((book) -> units(book.createSheet())), "xl/worksheets/sheet1.xml", utf8(sheet)),
				"xl/sharedStrings.xml", utf8(strings));
		Table table = read("units.xlsx", workbook, UNIT_COLUMNS);
		assertThat(table.header()).containsExactly("code", "name", "note");
		assertThat(table.rows()).extracting(Row::line).containsExactly(5, 6);
		assertThat(values(table)).containsExactly(List.of("7", "Trường A", "line\rbreak"), List.of("TRUE", "", ""));
	}

	@Test
	void onlyCellFormulasAreRefused() {
		byte[] workbook = workbook((book) -> units(book.createSheet()));
		byte[] validation = withEntry(workbook, "xl/worksheets/sheet1.xml",
				utf8("""
						<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
						xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData>
						<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>
						</sheetData><extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><xm:f>Lists!$A$1:$A$9</xm:f></ext></extLst>
						</worksheet>"""));
		assertThat(read("units.xlsx", validation, UNIT_COLUMNS).header()).containsExactly("code", "name");
	}

	@Test
	void xmlWithADocumentTypeIsRefused() {
		byte[] workbook = workbook((book) -> units(book.createSheet()));
		byte[] external = withEntry(workbook, "xl/sharedStrings.xml", utf8("""
				<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
				<si><t>Code</t></si><si><t>Name</t></si><si><t>BT01</t></si><si><t>&secret;</t></si></sst>"""));
		assertRefused(() -> read("units.xlsx", external, UNIT_COLUMNS), "import.file.unreadable");
	}

	@Test
	void workbookThatInflatesTooMuchIsRefused() {
		byte[] workbook = workbook((book) -> units(book.createSheet()));
		ByteArrayOutputStream sheet = new ByteArrayOutputStream();
		sheet.writeBytes(utf8("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"));
		byte[] spaces = new byte[1024 * 1024];
		Arrays.fill(spaces, (byte) ' ');
		for (int i = 0; i < 201; i++) {
			sheet.writeBytes(spaces);
		}
		sheet.writeBytes(utf8("<sheetData/></worksheet>"));
		byte[] bomb = withEntry(workbook, "xl/worksheets/sheet1.xml", sheet.toByteArray());
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertRefused(() -> read("units.xlsx", bomb, UNIT_COLUMNS), "import.file.unreadable");
	}

	@Test
	void aCellAtXfdCostsItsCountNotAPaddedRowAndOnePastItIsRefused() {
		byte[] farRight = HostileSpreadsheets.workbook(
				"<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"XFD2\" t=\"s\"><v>1</v></c></row>",
				(strings) -> strings.write("<si><t>X-1</t></si><si><t>far</t></si>"));
		assertThat(values(read("units.xlsx", farRight, UNIT_COLUMNS))).singleElement()
			.satisfies((row) -> assertThat(row.subList(0, 2)).containsExactly("X-1", ""));
		byte[] pastXfd = HostileSpreadsheets.workbook("<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>", (strings) -> {
		});
		assertRefused(() -> read("units.xlsx", pastXfd, UNIT_COLUMNS), "import.file.unreadable");
	}

	@Test
	void sharedStringsLeaveOutPhoneticGuidesAndIgnoreTheAnnouncedCount() {
		String strings = """
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2000000000"
				uniqueCount="2000000000"><si><t>Code</t></si><si><t>Name</t></si>
				<si><t>BT</t><rPh sb="0" eb="1"><t>phonetic</t></rPh><r><t>0</t></r><r><t>1_x000D_</t></r></si>
				<si><t>Trường A</t></si></sst>""";
		byte[] workbook = withEntry(workbook((book) -> units(book.createSheet())), "xl/sharedStrings.xml",
				utf8(strings));
		assertThat(values(read("units.xlsx", workbook, UNIT_COLUMNS))).containsExactly(List.of("BT01", "Trường A"));
	}

	@Test
	void aSharedStringThatIsNotThereIsRefused() {
		byte[] workbook = HostileSpreadsheets.workbook("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>",
				(strings) -> strings.write("<si><t>only one</t></si>"));
		assertRefused(() -> read("units.xlsx", workbook, UNIT_COLUMNS), "import.file.unreadable");
	}

	@Test
	void csvExportStartsWithByteOrderMarkAndEndsLinesWithCrlf() {
		byte[] csv = csv(List.of("code", "name"), List.of(List.of("BT01", "Trường A"), List.of("BT02", "B")));
		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFFcode,name\r\nBT01,Trường A\r\nBT02,B\r\n");
	}

	@Test
	void csvExportNeutralisesFormulasButNotNumbersDatesOrPhones() {
		List<String> values = List.of("=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\tx", "-5",
				"-1.5", "+84 275 3822 420", "0275 3822 420", "2023-08-01", "a=b");
		String csv = new String(csv(List.of("v"), values.stream().map(List::of).toList()), StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n")).containsExactly("\uFEFFv", "'=1+1", "'@SUM(A1)", "'+cmd|' /C calc'!A0",
				"'-2+3+cmd|' /C calc'!A0", "'\tx", "-5", "-1.5", "+84 275 3822 420", "0275 3822 420", "2023-08-01",
				"a=b");
	}

	@Test
	void csvRoundTripGivesBackExactlyWhatWasWritten() {
		byte[] csv = csv(HEADER, UNITS);
		assertThat(new String(csv, StandardCharsets.UTF_8)).contains("'=HYPERLINK");
		Table table = read("units.csv", csv, HEADER);
		assertThat(table.header()).isEqualTo(HEADER);
		assertThat(values(table)).containsExactlyElementsOf(UNITS);
	}

	@Test
	void aCsvCellThatIsAFormulaIsRefusedWithItsReference() {
		byte[] csv = "code,name,phone\r\nA-1,Trường A,\r\nA-2,\"=HYPERLINK(\"\"http://x\"\")\",\r\n"
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> read("units.csv", csv, List.of("code", "name")))
			.isInstanceOfSatisfying(TabularFile.Refused.class, (refused) -> {
				assertThat(refused.messageKey()).isEqualTo("import.file.formulas");
				assertThat(refused.arguments()).containsExactly("B3");
			});
	}

	@Test
	void xlsxRoundTrip() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TabularExport.xlsx(out, "Đơn vị", HEADER, UNITS.stream());
		Table table = read("units.xlsx", out.toByteArray(), HEADER);
		assertThat(table.header()).isEqualTo(HEADER);
		assertThat(values(table)).isEqualTo(UNITS);
		assertThat(table.rows()).extracting(Row::line).containsExactly(2, 3, 4);
	}

	@Test
	void xlsxExportIsATextTableWithAFrozenFilteredBoldHeader() throws IOException {
		List<List<String>> rows = IntStream.rangeClosed(1, 250)
			.mapToObj((i) -> List.of("%04d".formatted(i), "Trường số " + i, (i == 250) ? "x".repeat(100) : ""))
			.toList();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TabularExport.xlsx(out, "Đơn vị", List.of("code", "name", "note"), rows.stream());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Đơn vị");
			XSSFCell header = sheet.getRow(0).getCell(0);
			assertThat(header.getCellStyle().getFont().getBold()).isTrue();
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C251");
			XSSFCell code = sheet.getRow(1).getCell(0);
			assertThat(code.getCellType()).isEqualTo(CellType.STRING);
			assertThat(code.getStringCellValue()).isEqualTo("0001");
			assertThat(sheet.getLastRowNum()).isEqualTo(250);
			assertThat(sheet.getColumnWidth(0)).isEqualTo(10 * 256);
			assertThat(sheet.getColumnWidth(1)).isEqualTo(15 * 256);
			assertThat(sheet.getColumnWidth(2)).as("only the first 200 rows are measured").isEqualTo(10 * 256);
		}
	}

	@Test
	void xlsxExportEscapesTextAndLeavesOutWhatXmlCannotHold() throws IOException {
		List<String> header = List.of("code", "name");
		List<List<String>> rows = List.of(List.of("=1+1", "Trường \"A\" & <b> 'x'"),
				List.of(" a\r\nb\tc ", "bell\u0007 \uD83D\uDE00 \uD800 \uFFFE"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TabularExport.xlsx(out, "a/b?", header, rows.stream());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("a b ");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=1+1");
			assertThat(sheet.getRow(1).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Trường \"A\" & <b> 'x'");
			assertThat(sheet.getRow(1).getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(" a\r\nb\tc ");
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("bell \uD83D\uDE00  ");
		}
		assertThat(values(read("export.xlsx", out.toByteArray(), header))).containsExactly(rows.get(0),
				List.of("a\r\nb\tc", "bell \uD83D\uDE00"));
	}

	private static Table readCsv(String text) {
		return read("units.csv", utf8(text), UNIT_COLUMNS);
	}

	private static Table read(String name, byte[] content, List<String> columns) {
		return TabularFile.read(name, new ByteArrayInputStream(content), content.length, columns);
	}

	private static List<List<String>> values(Table table) {
		return table.rows().stream().map((row) -> List.copyOf(row.values().values())).toList();
	}

	private static void assertRefused(ThrowingCallable reading, String messageKey, Object... arguments) {
		assertThatExceptionOfType(Refused.class).isThrownBy(reading).satisfies((refused) -> {
			assertThat(refused.messageKey()).isEqualTo(messageKey);
			assertThat(refused.arguments()).containsExactly(arguments);
		});
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String generatedCsv(int rows) {
		StringBuilder csv = new StringBuilder("code,name\r\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("BT").append(i).append(",Trường ").append(i).append("\r\n");
		}
		return csv.toString();
	}

	private static byte[] csv(List<String> header, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TabularExport.csv(out, header, rows.stream());
		return out.toByteArray();
	}

	private static byte[] workbook(Consumer<XSSFWorkbook> content) {
		XSSFWorkbook book = new XSSFWorkbook();
		content.accept(book);
		return bytes(book);
	}

	private static byte[] bytes(XSSFWorkbook book) {
		try (book) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void units(XSSFSheet sheet) {
		row(sheet, 0, "Code", "Name");
		row(sheet, 1, "BT01", "Trường A");
	}

	private static void row(XSSFSheet sheet, int index, String... values) {
		XSSFRow row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	private static CellStyle style(XSSFWorkbook book, String format) {
		CellStyle style = book.createCellStyle();
		style.setDataFormat(book.createDataFormat().getFormat(format));
		return style;
	}

	private static byte[] zip(Map<String, String> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(utf8(entry.getValue()));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A copy of a ZIP archive with one more entry, or with the entry of that name
	 * replaced.
	 */
	private static byte[] withEntry(byte[] archive, String name, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			List<String> names = new ArrayList<>();
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
				if (!entry.getName().equals(name)) {
					zip.putNextEntry(new ZipEntry(entry.getName()));
					in.transferTo(zip);
				}
			}
			assertThat(names).contains("[Content_Types].xml", "xl/workbook.xml");
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

}
