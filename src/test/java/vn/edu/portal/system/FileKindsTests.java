package vn.edu.portal.system;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Telling uploaded files by their bytes, and naming them for download. */
class FileKindsTests {

	private static final String CONTENT_TYPES = "[Content_Types].xml";

	private static final String DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

	private static final String WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

	private static final String XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

	private static final String PDF = """
			%PDF-1.4
			1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
			2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""";

	/** A lossless WebP image of one pixel. */
	private static final String WEBP = "524946461a000000574542505650384c0d0000002f0000001007101111888888fe0700";

	/** The signature of an old binary Office file (OLE2), with the rest of its header. */
	private static final String OLE2 = "d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900";

	private static final Set<FileKind> DIRECTIVE_ATTACHMENTS = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.XLSX);

	@TempDir
	Path folder;

	@Test
	void aPdfIsRecognisedByItsSignature() throws IOException {
		assertThat(FileKinds.recognise(text("report.bin", PDF))).contains(FileKind.PDF);
	}

	@Test
	void imagesWrittenByImageIoAreRecognised() throws IOException {
		assertThat(FileKinds.recognise(image("png", "photo"))).contains(FileKind.PNG);
		assertThat(FileKinds.recognise(image("jpg", "photo"))).contains(FileKind.JPEG);
		assertThat(FileKinds.recognise(image("gif", "photo"))).contains(FileKind.GIF);
	}

	@Test
	void thePngSignatureAloneIsNotAnImage() throws IOException {
		byte[] signature = Arrays.copyOf(HexFormat.of().parseHex("89504e470d0a1a0a"), 64);
		assertThat(FileKinds.recognise(bytes("fake.png", signature))).isEmpty();
	}

	@Test
	void aWebpImageIsRecognised() throws IOException {
		assertThat(FileKinds.recognise(bytes("photo", HexFormat.of().parseHex(WEBP)))).contains(FileKind.WEBP);
	}

	@Test
	void aRiffFileOfAnotherKindOrWithAnUnknownChunkIsNotWebp() throws IOException {
		byte[] wave = HexFormat.of().parseHex(WEBP);
		System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, wave, 8, 8);
		assertThat(FileKinds.recognise(bytes("sound.webp", wave))).isEmpty();
		byte[] unknownChunk = HexFormat.of().parseHex(WEBP);
		System.arraycopy("JUNK".getBytes(StandardCharsets.US_ASCII), 0, unknownChunk, 12, 4);
		assertThat(FileKinds.recognise(bytes("junk.webp", unknownChunk))).isEmpty();
	}

	@Test
	void anMp4VideoIsRecognisedByItsMajorOrACompatibleBrand() throws IOException {
		assertThat(FileKinds.recognise(bytes("clip", mp4("isom", "isom", "iso2", "avc1", "mp41"))))
			.contains(FileKind.MP4);
		assertThat(FileKinds.recognise(bytes("phone", mp4("mp42", "mp42", "isom")))).contains(FileKind.MP4);
		assertThat(FileKinds.recognise(bytes("camera", mp4("XAVC", "XAVC", "mp42", "iso2")))).contains(FileKind.MP4);
	}

	@Test
	void aQuickTimeMovieOrAnUnknownBrandIsNotMp4() throws IOException {
		assertThat(FileKinds.recognise(bytes("movie.mp4", mp4("qt  ", "qt  ")))).isEmpty();
		assertThat(FileKinds.recognise(bytes("picture.mp4", mp4("heic", "mif1", "heic")))).isEmpty();
	}

	@Test
	void aDocumentAndAWorkbookBuiltByHandAreRecognised() throws IOException {
		Path docx = zip("letter", Map.of(CONTENT_TYPES, contentTypes("/word/document.xml", DOCUMENT_TYPE),
				"word/document.xml", "<w:document/>"));
		Path xlsx = zip("table", Map.of(CONTENT_TYPES, contentTypes("/xl/workbook.xml", WORKBOOK_TYPE),
				"xl/workbook.xml", "<workbook/>"));
		assertThat(FileKinds.recognise(docx)).contains(FileKind.DOCX);
		assertThat(FileKinds.recognise(xlsx)).contains(FileKind.XLSX);
	}

	@Test
	void aDocumentAndAWorkbookWrittenByPoiAreRecognised() throws IOException {
		Path docx = this.folder.resolve("letter.docx");
		try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
			document.createParagraph().createRun().setText("Báo cáo");
			document.write(out);
		}
		assertThat(FileKinds.recognise(docx)).contains(FileKind.DOCX);
		assertThat(FileKinds.recognise(workbook(XSSFWorkbookType.XLSX))).contains(FileKind.XLSX);
	}

	@Test
	void aMacroEnabledWorkbookIsRefusedWhateverItsName() throws IOException {
		assertThat(FileKinds.recognise(workbook(XSSFWorkbookType.XLSM))).isEmpty();
		Path renamed = zip("table.xlsx",
				Map.of(CONTENT_TYPES, contentTypes("/xl/workbook.xml", XLSM_TYPE), "xl/workbook.xml", "<workbook/>"));
		assertThat(FileKinds.recognise(renamed)).isEmpty();
	}

	@Test
	void aPackageWithAVbaProjectIsRefusedEvenWithoutAMacroEnabledType() throws IOException {
		Path docm = zip("letter.docx", Map.of(CONTENT_TYPES, contentTypes("/word/document.xml", DOCUMENT_TYPE),
				"word/document.xml", "<w:document/>", "word/vbaProject.bin", "macro"));
		assertThat(FileKinds.recognise(docm)).isEmpty();
	}

	@Test
	void aMacroEnabledTypeOnAnyPartRefusesThePackage() throws IOException {
		String types = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
				<Default Extension="xml" ContentType="application/xml"/>
				<Override PartName="/word/document.xml" ContentType="%s"/>
				<Override PartName="/word/extra.xml" ContentType="application/vnd.ms-word.macroEnabled.extra+xml"/>
				</Types>
				""".formatted(DOCUMENT_TYPE);
		Path docx = zip("letter.docx",
				Map.of(CONTENT_TYPES, types, "word/document.xml", "<w:document/>", "word/extra.xml", "<x/>"));
		assertThat(FileKinds.recognise(docx)).isEmpty();
	}

	@Test
	void aMainPartOfTheWrongTypeIsRefused() throws IOException {
		Path docx = zip("letter.docx", Map.of(CONTENT_TYPES, contentTypes("/word/document.xml", WORKBOOK_TYPE),
				"word/document.xml", "<w:document/>"));
		assertThat(FileKinds.recognise(docx)).isEmpty();
	}

	@Test
	void aZipThatIsNoOfficePackageIsRefused() throws IOException {
		assertThat(FileKinds.recognise(zip("archive.docx", Map.of("readme.txt", "hello")))).isEmpty();
		assertThat(FileKinds.recognise(zip("no-types.docx", Map.of("word/document.xml", "<w:document/>")))).isEmpty();
		assertThat(FileKinds.recognise(zip("no-main.xlsx",
				Map.of(CONTENT_TYPES, contentTypes("/xl/workbook.xml", WORKBOOK_TYPE), "xl/other.xml", "<x/>"))))
			.isEmpty();
	}

	@Test
	void aPackageWithBothMainPartsIsRefused() throws IOException {
		Path both = zip("both.docx", Map.of(CONTENT_TYPES, contentTypes("/word/document.xml", DOCUMENT_TYPE),
				"word/document.xml", "<w:document/>", "xl/workbook.xml", "<workbook/>"));
		assertThat(FileKinds.recognise(both)).isEmpty();
	}

	@Test
	void entriesWhoseNamesDifferOnlyInCaseAreRefused() throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("[content_types].xml", contentTypes("/word/document.xml", "application/xml"));
		entries.put(CONTENT_TYPES, contentTypes("/word/document.xml", DOCUMENT_TYPE));
		entries.put("word/document.xml", "<w:document/>");
		assertThat(FileKinds.recognise(zip("twice.docx", entries))).isEmpty();
	}

	@Test
	void contentTypesThatInflateBeyondTheCapAreRefused() throws IOException {
		String types = contentTypes("/word/document.xml", DOCUMENT_TYPE).replace("</Types>",
				"<!--" + " ".repeat(2 * 1024 * 1024) + "--></Types>");
		Path bomb = zip("bomb.docx", Map.of(CONTENT_TYPES, types, "word/document.xml", "<w:document/>"));
		assertThat(Files.size(bomb)).isLessThan(64 * 1024);
		assertThat(FileKinds.recognise(bomb)).isEmpty();
	}

	@Test
	void aPackageWhosePartInflatesAThousandTimesIsAZipBomb() throws IOException {
		Path bomb = bytes("zip-bomb.docx", HostileFiles.read("zip-bomb.docx"));
		assertThat(FileKinds.recognise(bomb)).as("a valid package").contains(FileKind.DOCX);
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> FileKinds.measureInflation(bomb));
	}

	@Test
	void documentsAndWorkbooksAsOfficeWritesThemInflateWithinTheLimits() throws IOException {
		Path docx = this.folder.resolve("letter.docx");
		try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
			for (int i = 0; i < 2000; i++) {
				document.createParagraph().createRun().setText("Báo cáo kết quả thực hiện tháng " + i);
			}
			document.write(out);
		}
		FileKinds.measureInflation(docx);
		FileKinds.measureInflation(workbook(XSSFWorkbookType.XLSX));
	}

	@Test
	void aTruncatedPackageIsNoValidZipAndIsRefused() throws IOException {
		Path docx = zip("letter", Map.of(CONTENT_TYPES, contentTypes("/word/document.xml", DOCUMENT_TYPE),
				"word/document.xml", "<w:document/>"));
		byte[] whole = Files.readAllBytes(docx);
		assertThat(FileKinds.recognise(bytes("cut.docx", Arrays.copyOf(whole, whole.length - 10)))).isEmpty();
	}

	@Test
	void anOldBinaryOfficeFileIsRefused() throws IOException {
		byte[] header = Arrays.copyOf(HexFormat.of().parseHex(OLE2), 512);
		assertThat(FileKinds.recognise(bytes("letter.doc", header))).isEmpty();
		assertThat(FileKinds.recognise(bytes("table.xlsx", header))).isEmpty();
	}

	@Test
	void textOrAProgramNamedLikeAnAcceptedFileIsRefused() throws IOException {
		assertThat(FileKinds.recognise(text("x.pdf", "<!DOCTYPE html><html><body>%PDF-1.4</body></html>"))).isEmpty();
		assertThat(FileKinds
			.recognise(text("x.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")))
			.isEmpty();
		assertThat(FileKinds.recognise(text("setup.pdf", "MZ\u0090\u0000This program cannot be run in DOS mode")))
			.isEmpty();
		assertThat(FileKinds.recognise(text("version.pdf", "%PDF-x"))).isEmpty();
	}

	@Test
	void anEmptyFileIsRefused() throws IOException {
		assertThat(FileKinds.recognise(bytes("empty.pdf", new byte[0]))).isEmpty();
	}

	@Test
	void aMissingFileCannotBeRead() {
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> FileKinds.recognise(this.folder.resolve("missing.pdf")));
	}

	@Test
	void onlyTheAllowedKindsAreRecognised() throws IOException {
		Path pdf = text("report.pdf", PDF);
		Path video = bytes("clip.mp4", mp4("isom", "isom"));
		assertThat(FileKinds.recognise(pdf, DIRECTIVE_ATTACHMENTS)).contains(FileKind.PDF);
		assertThat(FileKinds.recognise(workbook(XSSFWorkbookType.XLSX), DIRECTIVE_ATTACHMENTS)).contains(FileKind.XLSX);
		assertThat(FileKinds.recognise(video, DIRECTIVE_ATTACHMENTS)).isEmpty();
		assertThat(FileKinds.recognise(video, EnumSet.allOf(FileKind.class))).contains(FileKind.MP4);
		assertThat(FileKinds.recognise(pdf, Set.of(FileKind.DOCX))).isEmpty();
		assertThat(FileKinds.recognise(text("page.pdf", "<html></html>"), DIRECTIVE_ATTACHMENTS)).isEmpty();
	}

	@Test
	void eachKindHasItsMediaTypeAndExtension() {
		assertThat(FileKind.PDF.mediaType()).isEqualTo("application/pdf");
		assertThat(FileKind.DOCX.mediaType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(FileKind.XLSX.mediaType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(FileKind.WEBP.mediaType()).isEqualTo("image/webp");
		assertThat(FileKind.MP4.mediaType()).isEqualTo("video/mp4");
		assertThat(FileKind.JPEG.extension()).isEqualTo("jpg");
		assertThat(FileKind.DOCX.extension()).isEqualTo("docx");
	}

	@Test
	void aVietnameseNameIsKept() {
		assertThat(FileKinds.safeFileName("Báo cáo tháng 3.pdf", FileKind.PDF)).isEqualTo("Báo cáo tháng 3.pdf");
		assertThat(FileKinds.safeFileName("Quyết định số 12.2024", FileKind.DOCX))
			.isEqualTo("Quyết định số 12.2024.docx");
	}

	@Test
	void aDecomposedNameIsPutInNfc() {
		String decomposed = "Ba\u0301o ca\u0301o.xlsx";
		assertThat(FileKinds.safeFileName(decomposed, FileKind.XLSX)).isEqualTo("Báo cáo.xlsx")
			.hasSize("Báo cáo.xlsx".length());
	}

	@Test
	void theExtensionIsAlwaysThatOfTheKind() {
		assertThat(FileKinds.safeFileName("../../bao cao.exe", FileKind.PDF)).isEqualTo("bao cao.pdf");
		assertThat(FileKinds.safeFileName("ảnh.JPEG", FileKind.JPEG)).isEqualTo("ảnh.jpg");
		assertThat(FileKinds.safeFileName("bang diem.xlsx", FileKind.XLSX)).isEqualTo("bang diem.xlsx");
		assertThat(FileKinds.safeFileName("video", FileKind.MP4)).isEqualTo("video.mp4");
	}

	@Test
	void pathSeparatorsQuotesAndControlCharactersAreReplaced() {
		assertThat(FileKinds.safeFileName("123/QĐ-UBND.pdf", FileKind.PDF)).isEqualTo("123_QĐ-UBND.pdf");
		assertThat(FileKinds.safeFileName("C:\\Users\\an\\to trinh.docx", FileKind.DOCX))
			.isEqualTo("C__Users_an_to trinh.docx");
		assertThat(FileKinds.safeFileName("a<b>c:\"d\"|e?f*g'h.pdf", FileKind.PDF)).isEqualTo("a_b_c__d__e_f_g_h.pdf");
		assertThat(FileKinds.safeFileName("dòng\r\nmới\u0000.pdf", FileKind.PDF)).isEqualTo("dòng__mới_.pdf");
		assertThat(FileKinds.safeFileName("ảnh\u202Egpj.exe", FileKind.PNG)).isEqualTo("ảnh_gpj.png");
		assertThat(FileKinds.safeFileName("tab\there\u00A0nbsp.pdf", FileKind.PDF)).isEqualTo("tab_here nbsp.pdf");
	}

	@Test
	void leadingDotsAndDeviceNamesAreMadeHarmless() {
		assertThat(FileKinds.safeFileName(".htaccess", FileKind.PDF)).isEqualTo("htaccess.pdf");
		assertThat(FileKinds.safeFileName("...bao cao.pdf", FileKind.PDF)).isEqualTo("bao cao.pdf");
		assertThat(FileKinds.safeFileName("CON.docx", FileKind.DOCX)).isEqualTo("_CON.docx");
		assertThat(FileKinds.safeFileName("nul.tar.gz", FileKind.PDF)).isEqualTo("_nul.tar.pdf");
	}

	@Test
	void aNameWithNothingLeftBecomesTep() {
		assertThat(FileKinds.safeFileName("", FileKind.PDF)).isEqualTo("tep.pdf");
		assertThat(FileKinds.safeFileName(null, FileKind.GIF)).isEqualTo("tep.gif");
		assertThat(FileKinds.safeFileName("../..", FileKind.PDF)).isEqualTo("tep.pdf");
		assertThat(FileKinds.safeFileName(".pdf", FileKind.PDF)).isEqualTo("tep.pdf");
		assertThat(FileKinds.safeFileName("   ", FileKind.WEBP)).isEqualTo("tep.webp");
	}

	@Test
	void aLongNameIsCutToTheLimitKeepingItsExtension() {
		String safe = FileKinds.safeFileName("Kế hoạch ".repeat(30) + ".docx", FileKind.DOCX);
		assertThat(safe).hasSize(120).startsWith("Kế hoạch Kế hoạch").endsWith(".docx");
		assertThat(FileKinds.safeFileName("a".repeat(114) + "😀😀.pdf", FileKind.PDF))
			.isEqualTo("a".repeat(114) + "😀.pdf");
		assertThat(FileKinds.safeFileName("a".repeat(115) + "😀😀.pdf", FileKind.PDF))
			.isEqualTo("a".repeat(115) + ".pdf");
	}

	private Path text(String name, String content) throws IOException {
		return Files.writeString(this.folder.resolve(name), content, StandardCharsets.UTF_8);
	}

	private Path bytes(String name, byte[] content) throws IOException {
		return Files.write(this.folder.resolve(name), content);
	}

	private Path image(String format, String name) throws IOException {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, Color.RED.getRGB());
		Path file = this.folder.resolve(name + "." + format);
		assertThat(ImageIO.write(image, format, file.toFile())).as("ImageIO writes " + format).isTrue();
		return file;
	}

	private Path workbook(XSSFWorkbookType type) throws IOException {
		Path file = this.folder.resolve("workbook-" + type + ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(type); OutputStream out = Files.newOutputStream(file)) {
			workbook.createSheet("Trường").createRow(0).createCell(0).setCellValue("Mã");
			workbook.write(out);
		}
		return file;
	}

	/** An MP4 file type box with a minor version of 0, followed by an empty media box. */
	private static byte[] mp4(String major, String... compatible) {
		int size = 16 + 4 * compatible.length;
		StringBuilder brands = new StringBuilder(major).append("\0\0\0\0");
		for (String brand : compatible) {
			brands.append(brand);
		}
		byte[] box = new byte[size + 8];
		box[3] = (byte) size;
		System.arraycopy(("ftyp" + brands).getBytes(StandardCharsets.ISO_8859_1), 0, box, 4, size - 4);
		box[size + 3] = 8;
		System.arraycopy("mdat".getBytes(StandardCharsets.US_ASCII), 0, box, size + 4, 4);
		return box;
	}

	private static String contentTypes(String mainPart, String mainType) {
		return """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
				<Default Extension="xml" ContentType="application/xml"/>
				<Override PartName="%s" ContentType="%s"/>
				</Types>
				""".formatted(mainPart, mainType);
	}

	private Path zip(String name, Map<String, String> entries) throws IOException {
		Path file = this.folder.resolve(name);
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return file;
	}

}
