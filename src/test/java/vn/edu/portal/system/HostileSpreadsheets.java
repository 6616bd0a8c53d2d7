package vn.edu.portal.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile files every import is fed, each with the refusal it must get: the crafted
 * files of {@code src/test/resources/hostile} (see its README), and those too large to
 * keep there, made here as the tests run.
 */
final class HostileSpreadsheets {

	/** The columns of both the unit and the account import. */
	static final List<String> HEADER = List.of("code", "name", "short_name", "type", "parent_code", "ownership",
			"email", "phone", "valid_from", "username", "full_name", "unit_code", "roles");

	private static final String UNREADABLE = "import.file.unreadable";

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private HostileSpreadsheets() {
	}

	static List<Hostile> all() {
		return List.of(kept("number-bomb.xlsx", "import.file.number", "B2"),
				kept("shared-string-1gib.xlsx", "import.file.textTooLong", 32_767),
				kept("inline-string-1gib.xlsx", "import.file.cellTooLong", "A2", 32_767),
				kept("xfd-padding.xlsx", "import.file.empty"), kept("many-shared-strings.xlsx", UNREADABLE),
				kept("xxe.xlsx", UNREADABLE), kept("billion-laughs.xlsx", UNREADABLE),
				kept("zip-bomb.xlsx", UNREADABLE), kept("elf.xlsx", UNREADABLE), kept("elf.csv", UNREADABLE),
				kept("pe.xlsx", UNREADABLE), kept("pe.csv", UNREADABLE), kept("page.csv", UNREADABLE),
				kept("old.xls", UNREADABLE),
				made("rows-100001.csv", () -> csvRows(100_001), "import.file.tooManyRows", 100_000),
				made("rows-100001.xlsx", () -> xlsxRows(100_001), "import.file.tooManyRows", 100_000),
				made("distinct-shared-strings.xlsx", HostileSpreadsheets::distinctSharedStrings,
						"import.file.tooManyStrings", 1_000_000),
				made("too-many-cells.csv", HostileSpreadsheets::tooManyCells, "import.file.tooManyCells", 3_000_000),
				made("too-many-columns.csv", HostileSpreadsheets::tooManyColumns, "import.file.tooManyColumns", 16_384),
				made("long-cell.csv", HostileSpreadsheets::longCell, "import.file.cellTooLong", "B2", 32_767),
				made("too-much-text.xlsx", HostileSpreadsheets::tooMuchText, "import.file.tooMuchText", 30_000_000));
	}

	private static Hostile kept(String name, String messageKey, Object... arguments) {
		return new Hostile(name, () -> resource(name), messageKey, List.of(arguments));
	}

	private static Hostile made(String name, Supplier<byte[]> content, String messageKey, Object... arguments) {
		return new Hostile(name, content, messageKey, List.of(arguments));
	}

	private static byte[] resource(String name) {
		try (InputStream in = HostileSpreadsheets.class.getResourceAsStream("/hostile/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] csvRows(int rows) {
		StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("H-").append(i).append(",Trường ").append(i).append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] xlsxRows(int rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TabularExport.xlsx(out, "rows", HEADER,
				IntStream.rangeClosed(1, rows).mapToObj((i) -> List.of("H-" + i, "Trường " + i)));
		return out.toByteArray();
	}

	/**
	 * A million and one shared strings, each different, so that they do not compress
	 * away.
	 */
	private static byte[] distinctSharedStrings() {
		return workbook("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>", (strings) -> {
			for (int i = 0; i <= 1_000_000; i++) {
				strings.write("<si><t>" + i + "</t></si>");
			}
		});
	}

	/** Rows of 10,000 empty fields, past the budget of cells. */
	private static byte[] tooManyCells() {
		String row = ",".repeat(9_999) + "\r\n";
		return (String.join(",", HEADER) + "\r\n" + row.repeat(301)).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] tooManyColumns() {
		return (String.join(",", HEADER) + "\r\n" + "x,".repeat(16_384) + "x\r\n").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] longCell() {
		return (String.join(",", HEADER) + "\r\nX-1," + "a".repeat(40_000) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	/** One shared string of 30,000 characters in 1,001 cells: 30 million characters. */
	private static byte[] tooMuchText() {
		StringBuilder rows = new StringBuilder();
		for (int row = 2; row <= 1_002; row++) {
			rows.append("<row r=\"")
				.append(row)
				.append("\"><c r=\"A")
				.append(row)
				.append("\" t=\"s\"><v>0</v></c></row>");
		}
		return workbook(rows.toString(), (strings) -> strings.write("<si><t>" + "x".repeat(30_000) + "</t></si>"));
	}

	/**
	 * A minimal workbook, as an attacker writes it: one sheet with the header row and the
	 * given rows, and the shared strings written by {@code strings}.
	 */
	static byte[] workbook(String rows, StringsWriter strings) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			Writer xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
			part(zip, xml, "[Content_Types].xml",
					"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
							+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
							+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
							+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
							+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
							+ "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
							+ "</Types>");
			part(zip, xml, "_rels/.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS
							+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
			part(zip, xml, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS
					+ "\"><sheets><sheet name=\"units\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			part(zip, xml, "xl/_rels/workbook.xml.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS
							+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" + "<Relationship Id=\"rId2\" Type=\""
							+ RELATIONSHIPS + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
			StringBuilder header = new StringBuilder("<row r=\"1\">");
			for (int column = 0; column < HEADER.size(); column++) {
				header.append("<c r=\"")
					.append((char) ('A' + column))
					.append("1\" t=\"inlineStr\"><is><t>")
					.append(HEADER.get(column))
					.append("</t></is></c>");
			}
			header.append("</row>");
			part(zip, xml, "xl/worksheets/sheet1.xml",
					"<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + header + rows + "</sheetData></worksheet>");
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			xml.write("<sst xmlns=\"" + MAIN + "\">");
			strings.write(xml);
			xml.write("</sst>");
			xml.flush();
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void part(ZipOutputStream zip, Writer xml, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		xml.write(content);
		xml.flush();
		zip.closeEntry();
	}

	/** Writes the items of a shared strings part. */
	@FunctionalInterface
	interface StringsWriter {

		void write(Writer strings) throws IOException;

	}

	/**
	 * A hostile file and the refusal it must get.
	 *
	 * @param name the file's name as uploaded
	 * @param content makes the file's bytes
	 * @param messageKey the refusal's message key
	 * @param arguments the refusal's arguments
	 */
	record Hostile(String name, Supplier<byte[]> content, String messageKey, List<Object> arguments) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
