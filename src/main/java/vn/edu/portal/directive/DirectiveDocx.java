package vn.edu.portal.directive;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A directive as a Word document (.docx), with the same text as its print view and in the
 * same Decree 30 layout: A4, Times New Roman, the header boxes and the closing boxes as
 * borderless tables, the body's tables with borders; for provinces that edit the final
 * text in Word.
 */
final class DirectiveDocx {

	private static final String FONT = "Times New Roman";

	/** Twentieths of a point in a millimetre. */
	private static final double TWIPS_PER_MM = 56.6929;

	/** The width of the text between the margins of A4 (210 - 30 - 15 mm). */
	private static final int TEXT_WIDTH = (int) (165 * TWIPS_PER_MM);

	private DirectiveDocx() {
	}

	static void write(PrintedDirective p, OutputStream out) throws IOException {
		try (XWPFDocument doc = new XWPFDocument()) {
			page(doc);
			if (p.draft()) {
				line(doc.createParagraph(), ParagraphAlignment.CENTER, "DỰ THẢO", 13, true, false);
			}
			header(doc, p);
			if (!p.subjectUnderNumber()) {
				XWPFParagraph type = doc.createParagraph();
				type.setSpacingBefore(280);
				line(type, ParagraphAlignment.CENTER, p.typeName(), 14, true, false);
				XWPFParagraph subject = doc.createParagraph();
				subject.setSpacingAfter(200);
				line(subject, ParagraphAlignment.CENTER, p.subject(), 14, true, false);
			}
			if (!p.addressees().isEmpty()) {
				for (int i = 0; i < p.addressees().size(); i++) {
					XWPFParagraph addressee = doc.createParagraph();
					addressee.setIndentationLeft((int) (40 * TWIPS_PER_MM));
					line(addressee, ParagraphAlignment.LEFT,
							((i == 0) ? "Kính gửi: " : "                ") + p.addressees().get(i), 14, false, false);
				}
			}
			body(doc, p.openingBlocks());
			for (PrintedDirective.PrintedTask task : p.tasks()) {
				for (int i = 0; i < task.paragraphs().size(); i++) {
					paragraph(doc,
							(i == 0) ? task.number() + ". " + task.paragraphs().get(i) : task.paragraphs().get(i));
				}
			}
			body(doc, p.closingBlocks());
			closing(doc, p);
			doc.write(out);
		}
	}

	private static void page(XWPFDocument doc) {
		CTSectPr section = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(twips(20)));
		margins.setBottom(BigInteger.valueOf(twips(20)));
		margins.setLeft(BigInteger.valueOf(twips(30)));
		margins.setRight(BigInteger.valueOf(twips(15)));
	}

	/** Boxes 1 to 4: issuer and national title, number and place and date. */
	private static void header(XWPFDocument doc, PrintedDirective p) {
		XWPFTable boxes = borderless(doc, 2, 2, new int[] { 40, 60 });
		XWPFTableCell issuer = boxes.getRow(0).getCell(0);
		if (p.authorityLine() != null) {
			line(first(issuer), ParagraphAlignment.CENTER, p.authorityLine(), 13, false, false);
			line(issuer.addParagraph(), ParagraphAlignment.CENTER, p.issuerName(), 13, true, false);
		}
		else {
			line(first(issuer), ParagraphAlignment.CENTER, p.issuerName(), 13, true, false);
		}
		line(issuer.addParagraph(), ParagraphAlignment.CENTER, "—————", 10, false, false);
		XWPFTableCell nation = boxes.getRow(0).getCell(1);
		line(first(nation), ParagraphAlignment.CENTER, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
		line(nation.addParagraph(), ParagraphAlignment.CENTER, "Độc lập - Tự do - Hạnh phúc", 13, true, false);
		line(nation.addParagraph(), ParagraphAlignment.CENTER, "———————————", 10, false, false);
		XWPFTableCell number = boxes.getRow(1).getCell(0);
		line(first(number), ParagraphAlignment.CENTER, "Số: " + p.number(), 13, false, false);
		if (p.subjectUnderNumber()) {
			line(number.addParagraph(), ParagraphAlignment.CENTER, "V/v " + p.subject(), 12, false, false);
		}
		if (p.urgencyMark() != null) {
			line(number.addParagraph(), ParagraphAlignment.CENTER, p.urgencyMark(), 13, true, false);
		}
		line(first(boxes.getRow(1).getCell(1)), ParagraphAlignment.CENTER, p.placeAndDate(), 14, false, true);
	}

	/** Box 6: paragraphs justified with a first-line indent, tables with borders. */
	private static void body(XWPFDocument doc, List<PrintedDirective.Block> blocks) {
		for (PrintedDirective.Block block : blocks) {
			if (!block.isTable()) {
				paragraph(doc, block.text());
				continue;
			}
			int columns = block.rows().stream().mapToInt(List::size).max().orElse(1);
			XWPFTable table = doc.createTable(block.rows().size(), columns);
			table.setWidth(TEXT_WIDTH);
			table.setTableAlignment(TableRowAlign.CENTER);
			for (int r = 0; r < block.rows().size(); r++) {
				List<String> cells = block.rows().get(r);
				XWPFTableRow row = table.getRow(r);
				if (r == 0) {
					row.setRepeatHeader(true);
				}
				row.setCantSplitRow(true);
				for (int c = 0; c < columns; c++) {
					line(first(row.getCell(c)), (r == 0) ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT,
							(c < cells.size()) ? cells.get(c) : "", 13, r == 0, false);
				}
			}
			doc.createParagraph().setSpacingAfter(0);
		}
	}

	private static void paragraph(XWPFDocument doc, String text) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setFirstLineIndent((int) (12.7 * TWIPS_PER_MM));
		paragraph.setSpacingAfter(120);
		line(paragraph, ParagraphAlignment.BOTH, text, 14, false, false);
	}

	/** Boxes 9b and 7: "Nơi nhận" on the left, the signer on the right. */
	private static void closing(XWPFDocument doc, PrintedDirective p) {
		XWPFTable boxes = borderless(doc, 1, 2, new int[] { 50, 50 });
		XWPFTableCell recipients = boxes.getRow(0).getCell(0);
		line(first(recipients), ParagraphAlignment.LEFT, "Nơi nhận:", 12, true, true);
		for (String line : p.otherRecipients()) {
			line(recipients.addParagraph(), ParagraphAlignment.LEFT, line, 11, false, false);
		}
		if (p.archiveLine() != null) {
			line(recipients.addParagraph(), ParagraphAlignment.LEFT, "- " + p.archiveLine(), 11, false, false);
		}
		XWPFTableCell signer = boxes.getRow(0).getCell(1);
		XWPFParagraph authority = first(signer);
		if (p.signerAuthority() != null) {
			line(authority, ParagraphAlignment.CENTER, p.signerAuthority(), 14, true, false);
			authority = signer.addParagraph();
		}
		line(authority, ParagraphAlignment.CENTER, p.signerPosition(), 14, true, false);
		XWPFParagraph name = signer.addParagraph();
		name.setSpacingBefore(1200);
		line(name, ParagraphAlignment.CENTER, p.signerName(), 14, true, false);
	}

	private static XWPFTable borderless(XWPFDocument doc, int rows, int columns, int[] percents) {
		XWPFTable table = doc.createTable(rows, columns);
		table.removeBorders();
		table.setWidth(TEXT_WIDTH);
		for (XWPFTableRow row : table.getRows()) {
			for (int c = 0; c < columns; c++) {
				row.getCell(c).setWidth(String.valueOf(TEXT_WIDTH * percents[c] / 100));
			}
		}
		return table;
	}

	private static XWPFParagraph first(XWPFTableCell cell) {
		return cell.getParagraphs().get(0);
	}

	private static void line(XWPFParagraph paragraph, ParagraphAlignment alignment, String text, int points,
			boolean bold, boolean italic) {
		paragraph.setAlignment(alignment);
		XWPFRun run = paragraph.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(points);
		run.setBold(bold);
		run.setItalic(italic);
		run.setText((text != null) ? text : "");
	}

	private static int twips(int millimetres) {
		return (int) Math.round(millimetres * TWIPS_PER_MM);
	}

}
