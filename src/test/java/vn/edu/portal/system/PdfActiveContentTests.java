package vn.edu.portal.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * PDFs that run JavaScript, launch programs or carry files are found, however their names
 * are spelled or packed; ordinary PDFs pass; what cannot be read strictly, or would
 * inflate beyond the budget, is refused quickly and without taking the heap.
 */
class PdfActiveContentTests {

	@TempDir
	Path folder;

	@Test
	void anOrdinaryPdfHasNoActiveContent() throws IOException {
		assertThat(PdfActiveContent.find(write(TestPdfs.plain()))).isEmpty();
	}

	@Test
	void aLetterPrintedByThePortalHasNoActiveContent() throws IOException {
		byte[] printed = new PdfRenderer().pdf("""
				<html lang="vi"><head><title>Công văn</title></head>
				<body><p>Về việc tăng cường công tác phòng, chống bạo lực học đường.</p></body></html>
				""");
		assertThat(PdfActiveContent.find(write(printed))).isEmpty();
	}

	@Test
	void anOpeningThatOnlyShowsTheFirstPageIsHarmless() throws IOException {
		assertThat(PdfActiveContent.find(edit((document) -> {
			PDPageFitDestination first = new PDPageFitDestination();
			first.setPage(document.getPage(0));
			document.getDocumentCatalog().setOpenAction(first);
		}))).isEmpty();
	}

	@Test
	void javaScriptRunOnOpeningIsFoundThoughItsNamesAreSpelledInHex() throws IOException {
		byte[] pdf = HostileFiles.read("javascript.pdf");
		assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/J#53", "/Java#53cript")
			.doesNotContain("/JS", "/JavaScript");
		assertThat(PdfActiveContent.find(write(pdf)))
			.hasValueSatisfying((found) -> assertThat(found).isIn("JS", "JavaScript"));
	}

	@Test
	void javaScriptPackedInACompressedObjectStreamIsFound() throws IOException {
		byte[] pdf = TestPdfs.withJavaScriptInAnObjectStream();
		assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/ObjStm").doesNotContain("JavaScript");
		assertThat(PdfActiveContent.find(write(pdf))).isPresent();
	}

	@Test
	void javaScriptOfTheDocumentsNamesIsFound() throws IOException {
		assertThat(PdfActiveContent.find(edit((document) -> {
			COSDictionary names = new COSDictionary();
			COSDictionary scripts = new COSDictionary();
			COSArray pairs = new COSArray();
			pairs.add(new COSString("init"));
			pairs.add(new PDActionJavaScript("app.alert(1);").getCOSObject());
			scripts.setItem(COSName.NAMES, pairs);
			names.setItem(COSName.JAVA_SCRIPT, scripts);
			document.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, names);
		}))).isPresent();
	}

	@Test
	void anActionOnOpeningAPageIsFound() throws IOException {
		assertThat(PdfActiveContent.find(edit((document) -> {
			PDPageAdditionalActions actions = new PDPageAdditionalActions();
			actions.setO(new PDActionJavaScript("app.alert(1);"));
			document.getPage(0).getCOSObject().setItem(COSName.AA, actions.getCOSObject());
		}))).hasValueSatisfying((found) -> assertThat(found).isIn("AA", "JS", "JavaScript"));
	}

	@Test
	void launchingAProgramIsFound() throws IOException {
		assertThat(PdfActiveContent.find(edit((document) -> {
			PDActionLaunch launch = new PDActionLaunch();
			launch.getCOSObject().setString(COSName.F, "cmd.exe");
			document.getDocumentCatalog().setOpenAction(launch);
		}))).hasValue("Launch");
	}

	@Test
	void anEmbeddedFileIsFound() throws IOException {
		assertThat(PdfActiveContent.find(edit((document) -> {
			try {
				PDEmbeddedFile embedded = new PDEmbeddedFile(document,
						new java.io.ByteArrayInputStream("MZ".getBytes(StandardCharsets.US_ASCII)));
				PDComplexFileSpecification file = new PDComplexFileSpecification();
				file.setFile("setup.exe");
				file.setEmbeddedFile(embedded);
				PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
				tree.setNames(Map.of("setup.exe", file));
				PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
				names.setEmbeddedFiles(tree);
				document.getDocumentCatalog().setNames(names);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}))).isPresent();
	}

	@Test
	void aPdfThatNeedsAPasswordCannotBeChecked() throws IOException {
		Path locked = edit(protect("mat-khau"));
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> PdfActiveContent.find(locked));
	}

	@Test
	void aPdfProtectedOnlyAgainstChangesIsChecked() throws IOException {
		Path restricted = edit(protect(""));
		assertThat(PdfActiveContent.find(restricted)).isEmpty();
	}

	@Test
	void aPdfThatNeedsRepairingOrIsNoPdfCannotBeChecked() throws IOException {
		byte[] plain = TestPdfs.plain();
		Path truncated = write(Arrays.copyOf(plain, plain.length / 2));
		Path noCrossReferences = write(
				"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
					.getBytes(StandardCharsets.US_ASCII));
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> PdfActiveContent.find(truncated));
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> PdfActiveContent.find(noCrossReferences));
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> PdfActiveContent.find(write(HostileFiles.read("page.pdf"))));
	}

	@Test
	void aCrossReferenceStreamThatInflatesToAGibibyteIsRefusedWithinTheBudget() throws IOException {
		Path bomb = write(TestPdfs.crossReferenceBomb(1024));
		assertThat(Files.size(bomb)).isLessThan(2 * 1024 * 1024);
		assertRefusedQuicklyWithBoundedHeap(bomb);
	}

	@Test
	void anObjectStreamThatInflatesToAGibibyteIsRefusedWithinTheBudget() throws IOException {
		Path bomb = write(TestPdfs.objectStreamBomb(1024));
		assertThat(Files.size(bomb)).isLessThan(2 * 1024 * 1024);
		assertRefusedQuicklyWithBoundedHeap(bomb);
	}

	@Test
	void theSameObjectStreamWithinTheBudgetIsReadAndItsJavaScriptFound() throws IOException {
		assertThat(PdfActiveContent.find(write(TestPdfs.objectStreamBomb(1)))).isPresent();
	}

	private static void assertRefusedQuicklyWithBoundedHeap(Path bomb) {
		Runtime runtime = Runtime.getRuntime();
		long before = runtime.totalMemory() - runtime.freeMemory();
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> PdfActiveContent.find(bomb)));
		long after = runtime.totalMemory() - runtime.freeMemory();
		assertThat(after - before).as("heap taken").isLessThan(4L * PdfActiveContent.MAX_STRUCTURE_BYTES);
	}

	/** Encrypts a document, with a password to open it (none if empty). */
	private static Consumer<PDDocument> protect(String userPassword) {
		return (document) -> {
			try {
				document.protect(new StandardProtectionPolicy("chu-so-huu", userPassword, new AccessPermission()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	/** The plain PDF, changed, saved again. */
	private Path edit(Consumer<PDDocument> change) throws IOException {
		try (PDDocument document = Loader.loadPDF(TestPdfs.plain());
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			change.accept(document);
			document.save(out);
			return write(out.toByteArray());
		}
	}

	private Path write(byte[] content) throws IOException {
		return Files.write(Files.createTempFile(this.folder, "upload", ".pdf"), content);
	}

}
