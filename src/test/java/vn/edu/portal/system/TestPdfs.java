package vn.edu.portal.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/**
 * PDFs for tests: plain ones written by PDFBox, one with JavaScript packed in an object
 * stream, and bombs whose structure inflates to many times their size, made here rather
 * than kept as files.
 */
public final class TestPdfs {

	private TestPdfs() {
	}

	/** A one-page PDF with a line of text, as PDFBox writes it (with object streams). */
	public static byte[] plain() {
		return write(new PDDocument());
	}

	/**
	 * A one-page PDF whose opening runs JavaScript, the action packed in a compressed
	 * object stream where no byte of the file spells {@code /JavaScript}.
	 */
	public static byte[] withJavaScriptInAnObjectStream() {
		PDDocument document = new PDDocument();
		PDActionJavaScript action = new PDActionJavaScript("app.alert('opened');");
		action.getCOSObject().setDirect(false);
		document.getDocumentCatalog().setOpenAction(action);
		return write(document);
	}

	/**
	 * A PDF 1.5 whose cross-reference stream inflates to its four entries followed by so
	 * many mebibytes of zeros.
	 */
	public static byte[] crossReferenceBomb(int mebibytes) {
		PdfWriter pdf = new PdfWriter();
		long catalog = pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
		long pages = pdf.object(2, "<< /Type /Pages /Kids [] /Count 0 >>");
		long xref = pdf.offset();
		byte[] entries = entries(new long[][] { { 0, 0, 0 }, { 1, catalog, 0 }, { 1, pages, 0 }, { 1, xref, 0 } });
		pdf.stream(3, "<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode",
				inflating(entries, mebibytes));
		return pdf.end(xref);
	}

	/**
	 * A PDF 1.5 whose object 4, packed in the object stream 3, is a JavaScript action;
	 * the object stream inflates to that object followed by so many mebibytes of zeros.
	 */
	public static byte[] objectStreamBomb(int mebibytes) {
		PdfWriter pdf = new PdfWriter();
		long catalog = pdf.object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>");
		long pages = pdf.object(2, "<< /Type /Pages /Kids [] /Count 0 >>");
		long objects = pdf.offset();
		String packed = "4 0 << /S /JavaScript /JS (app.alert\\(1\\);) >>";
		pdf.stream(3, "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
				inflating(packed.getBytes(StandardCharsets.US_ASCII), mebibytes));
		long xref = pdf.offset();
		byte[] entries = entries(new long[][] { { 0, 0, 0 }, { 1, catalog, 0 }, { 1, pages, 0 }, { 1, objects, 0 },
				{ 2, 3, 0 }, { 1, xref, 0 } });
		pdf.stream(5, "<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R", entries);
		return pdf.end(xref);
	}

	private static byte[] write(PDDocument document) {
		try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream text = new PDPageContentStream(document, page)) {
				text.beginText();
				text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				text.newLineAtOffset(72, 720);
				text.showText("Bao cao thang 3");
				text.endText();
			}
			document.getDocumentCatalog().getCOSObject().setItem(COSName.LANG, COSName.getPDFName("vi"));
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Cross-reference entries of the widths 1, 4 and 2. */
	private static byte[] entries(long[][] rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (long[] row : rows) {
			out.write((int) row[0]);
			for (int shift = 24; shift >= 0; shift -= 8) {
				out.write((int) (row[1] >> shift) & 0xFF);
			}
			out.write((int) (row[2] >> 8) & 0xFF);
			out.write((int) row[2] & 0xFF);
		}
		return out.toByteArray();
	}

	/**
	 * A zlib stream of the data followed by so many mebibytes of zeros, made without
	 * compressing them all: once the window holds only zeros, every further mebibyte
	 * compresses to the same bytes. It carries no checksum, which PDF readers do not
	 * check.
	 */
	private static byte[] inflating(byte[] data, int mebibytes) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		byte[] zeros = new byte[1024 * 1024];
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0x78);
		out.write(0xDA);
		out.writeBytes(flush(deflater, data));
		byte[] first = flush(deflater, zeros);
		byte[] next = flush(deflater, zeros);
		out.writeBytes(first);
		for (int i = 1; i < mebibytes; i++) {
			out.writeBytes(next);
		}
		deflater.finish();
		out.writeBytes(drain(deflater, Deflater.NO_FLUSH));
		deflater.end();
		return out.toByteArray();
	}

	private static byte[] flush(Deflater deflater, byte[] input) {
		deflater.setInput(input);
		return drain(deflater, Deflater.SYNC_FLUSH);
	}

	private static byte[] drain(Deflater deflater, int flush) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		int count;
		do {
			count = deflater.deflate(buffer, 0, buffer.length, flush);
			out.write(buffer, 0, count);
		}
		while (count == buffer.length || (flush == Deflater.NO_FLUSH && !deflater.finished()));
		return out.toByteArray();
	}

	/** Writes objects and streams one after the other. */
	private static final class PdfWriter {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		PdfWriter() {
			ascii("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
		}

		long offset() {
			return this.out.size();
		}

		long object(int number, String dictionary) {
			long offset = offset();
			ascii(number + " 0 obj\n" + dictionary + "\nendobj\n");
			return offset;
		}

		void stream(int number, String dictionaryStart, byte[] data) {
			ascii(number + " 0 obj\n" + dictionaryStart + " /Length " + data.length + " >>\nstream\n");
			this.out.writeBytes(data);
			ascii("\nendstream\nendobj\n");
		}

		byte[] end(long crossReferences) {
			ascii("startxref\n" + crossReferences + "\n%%EOF\n");
			return this.out.toByteArray();
		}

		private void ascii(String text) {
			this.out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
		}

	}

}
