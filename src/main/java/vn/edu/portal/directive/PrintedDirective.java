package vn.edu.portal.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A directive as Decree 30 lays it out (Appendix I), ready for the print view and the
 * PDF. Every published version is kept in this form, so an amended directive's earlier
 * text prints exactly as it was.
 *
 * @param authorityLine box 2, the parent authority, or {@code null}
 * @param issuerName box 2, the issuing body
 * @param number box 3 after "Số:", with the number left blank on a draft
 * @param placeAndDate box 4, with the day left blank on a draft
 * @param typeName box 5a, the type in capitals, or {@code null} for a công văn
 * @param subject box 5a or 5b, the subject
 * @param urgencyMark the urgency mark, or {@code null}
 * @param addressees box 9a, the "Kính gửi" lines
 * @param opening box 6, the paragraphs before the tasks
 * @param tasks box 6, the numbered tasks
 * @param closing box 6, the paragraphs after the tasks
 * @param otherRecipients box 9b, the "Nơi nhận" lines
 * @param archiveLine box 9b, the last line ("Lưu: VT, CTTT.")
 * @param signerAuthority box 7, prefix and title ("KT. GIÁM ĐỐC"), or {@code null}
 * @param signerPosition box 7, the position ("PHÓ GIÁM ĐỐC")
 * @param signerName box 7, the full name
 * @param draft whether this is a draft (no number yet)
 * @param amendment the version: 0 as published, then one more per amendment
 */
record PrintedDirective(String authorityLine, String issuerName, String number, String placeAndDate, String typeName,
		String subject, String urgencyMark, List<String> addressees, List<String> opening, List<PrintedTask> tasks,
		List<String> closing, List<String> otherRecipients, String archiveLine, String signerAuthority,
		String signerPosition, String signerName, boolean draft, int amendment) {

	private static final String BLANK_NUMBER = "       ";

	/**
	 * The print form of a directive's content.
	 * @param recipientNames the names of the recipient units, the "Kính gửi" lines of a
	 * công văn when the drafter typed none
	 */
	static PrintedDirective of(DirectiveContent content, Integer number, LocalDate issuedOn, int amendment,
			List<String> recipientNames) {
		boolean congVan = content.type() == DocumentType.CONG_VAN;
		String symbol = content.symbol();
		List<String> addressees = lines(content.addressees());
		if (addressees.isEmpty() && congVan) {
			addressees = listed(recipientNames);
		}
		List<String> taskTexts = content.tasks().stream().map(DirectiveContent.Task::text).toList();
		List<PrintedTask> tasks = new ArrayList<>();
		for (int i = 0; i < taskTexts.size(); i++) {
			tasks.add(new PrintedTask(i + 1, lines(taskTexts.get(i))));
		}
		String archive = (content.archiveLine() != null) ? "Lưu: " + withFullStop(content.archiveLine()) : null;
		String authority = (content.signerPrefix() != null)
				? content.signerPrefix().printed() + " " + upper(content.signerFor()) : null;
		return new PrintedDirective(upper(content.authorityLine()), upper(content.issuerName()),
				(number != null) ? Decree30.numberAndSymbol(number, symbol) : BLANK_NUMBER + "/" + symbol,
				(issuedOn != null) ? Decree30.placeAndDate(content.place(), issuedOn)
						: content.place().strip() + ", ngày      tháng      năm",
				congVan ? null : content.type().vietnameseName().toUpperCase(Locale.ROOT), content.subject(),
				content.urgency().isUrgent() ? content.urgency().mark() : null, addressees, lines(content.opening()),
				tasks, lines(content.closing()), lines(content.otherRecipients()), archive, authority,
				upper(content.signerPosition()), content.signerName(), number == null, amendment);
	}

	/** The paragraphs and tables before the tasks. */
	public List<Block> openingBlocks() {
		return Block.of(this.opening);
	}

	/** The paragraphs and tables after the tasks. */
	public List<Block> closingBlocks() {
		return Block.of(this.closing);
	}

	/** Whether the subject prints as "V/v ..." under the number (a công văn). */
	public boolean subjectUnderNumber() {
		return this.typeName == null;
	}

	private static List<String> listed(List<String> names) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			lines.add("- " + names.get(i) + ((i < names.size() - 1) ? ";" : "."));
		}
		return lines;
	}

	/** The non-blank lines of a text, each a paragraph. */
	static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	private static String withFullStop(String line) {
		String stripped = line.strip();
		return stripped.endsWith(".") ? stripped : stripped + ".";
	}

	private static String upper(String text) {
		return (text != null && !text.isBlank()) ? text.strip().toUpperCase(Locale.forLanguageTag("vi")) : null;
	}

	/**
	 * A numbered task.
	 *
	 * @param number its number, from 1
	 * @param paragraphs its paragraphs; the first follows the number
	 */
	record PrintedTask(int number, List<String> paragraphs) {
	}

	/**
	 * A paragraph of the body, or a table: consecutive lines that start and end with "|"
	 * are the rows of a table, their cells between the bars, the first row its header.
	 *
	 * @param text the paragraph, or {@code null} for a table
	 * @param rows the table's rows of cells, or empty for a paragraph
	 */
	record Block(String text, List<List<String>> rows) {

		static List<Block> of(List<String> lines) {
			List<Block> blocks = new ArrayList<>();
			List<List<String>> table = new ArrayList<>();
			for (String line : (lines != null) ? lines : List.<String>of()) {
				if (isRow(line)) {
					table.add(cells(line));
					continue;
				}
				if (!table.isEmpty()) {
					blocks.add(new Block(null, List.copyOf(table)));
					table.clear();
				}
				blocks.add(new Block(line, List.of()));
			}
			if (!table.isEmpty()) {
				blocks.add(new Block(null, List.copyOf(table)));
			}
			return blocks;
		}

		/** Whether a line is a row of a table: "| a | b |". */
		static boolean isRow(String line) {
			return line.length() > 1 && line.startsWith("|") && line.endsWith("|");
		}

		private static List<String> cells(String line) {
			return Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::strip).toList();
		}

		public boolean isTable() {
			return this.text == null;
		}

		/** The header row of a table. */
		public List<String> header() {
			return this.rows.get(0);
		}

		/** The rows of a table after its header. */
		public List<List<String>> body() {
			return this.rows.subList(1, this.rows.size());
		}

	}

}
