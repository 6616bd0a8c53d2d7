package vn.edu.portal.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds what a PDF could run, or drop on the reader's computer: JavaScript (a {@code /JS}
 * action, the document's {@code /JavaScript} names, a form's {@code /XFA}), actions on
 * opening a page or a field ({@code /AA}), launching a program ({@code /Launch}), and
 * embedded files or file attachments. An {@code /OpenAction} that only opens a page is
 * harmless; one that runs JavaScript is found as JavaScript.
 * <p>
 * The file is read with Apache PDFBox and every object of its cross-reference table is
 * looked at, those packed in object streams too, so that no spelling ({@code /J#53}) and
 * no compression hides anything. It is read strictly, as its cross-reference table says:
 * a file that needs repairing, or a password, cannot be checked and is refused. PDFBox
 * inflates the cross-reference and object streams in memory, so these are measured first,
 * against budgets counted while inflating: at most {@value #MAX_STRUCTURE_BYTES} bytes
 * once inflated, at most {@value #MAX_OBJECTS} objects, no row of a predictor longer than
 * {@value #MAX_ROW_BYTES} bytes, and only the filters that carry data (Flate, LZW, run
 * length, ASCII hex and 85) rather than images. Other streams, pages and images, are
 * never inflated.
 */
final class PdfActiveContent {

	/** The most bytes that cross-reference and object streams may inflate to, in all. */
	static final int MAX_STRUCTURE_BYTES = 32 * 1024 * 1024;

	/** The most objects a PDF may hold. */
	static final int MAX_OBJECTS = 250_000;

	private static final int MAX_ROW_BYTES = 1024 * 1024;

	/** Keys that belong to JavaScript, event actions, embedded files and XFA forms. */
	private static final Set<String> ACTIVE_KEYS = Set.of("JS", "JavaScript", "AA", "EmbeddedFiles", "EF", "XFA");

	/**
	 * Values of {@code /S}, {@code /Type} and {@code /Subtype} that are just as active.
	 */
	private static final Set<String> ACTIVE_NAMES = Set.of("JavaScript", "Launch", "GoToE", "EmbeddedFile",
			"FileAttachment");

	private static final Set<String> NAMING_KEYS = Set.of("S", "Type", "Subtype");

	/** The filters that may inflate a cross-reference or object stream. */
	private static final Set<String> DATA_FILTERS = Set.of("FlateDecode", "Fl", "LZWDecode", "LZW", "RunLengthDecode",
			"RL", "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85");

	private PdfActiveContent() {
	}

	/**
	 * Looks for active content in a PDF.
	 * @return the name of the first active part found, such as {@code JS} or
	 * {@code Launch}; empty if there is none
	 * @throws UncheckedIOException if the file cannot be read strictly, within the
	 * budgets, without a password
	 */
	static Optional<String> find(Path pdf) {
		try (RandomAccessRead source = new RandomAccessReadBufferedFile(pdf.toFile())) {
			CheckedParser parser = new CheckedParser(source);
			try (PDDocument document = parser.parse(false)) {
				return parser.activeContent(document);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A strict PDFBox parser that measures the cross-reference and object streams before
	 * PDFBox inflates them, and reads every object, failing where PDFBox would only log.
	 */
	private static final class CheckedParser extends PDFParser {

		private final Set<Long> objectStreamsMeasured = new HashSet<>();

		private long structureBytes;

		private long declaredObjects;

		private boolean readingCrossReferences;

		CheckedParser(RandomAccessRead source) throws IOException {
			super(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
		}

		@Override
		protected COSDictionary retrieveTrailer() throws IOException {
			this.readingCrossReferences = true;
			try {
				return super.retrieveTrailer();
			}
			finally {
				this.readingCrossReferences = false;
			}
		}

		@Override
		protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
			COSStream stream = super.parseCOSStream(dictionary);
			if (this.readingCrossReferences) {
				COSArray index = stream.getCOSArray(COSName.INDEX);
				long entries = 0;
				if (index != null) {
					for (int i = 1; i < index.size(); i += 2) {
						entries += Math.max(0, index.getInt(i, 0));
					}
				}
				else {
					entries = Math.max(0, stream.getInt(COSName.SIZE, 0));
				}
				this.declaredObjects += entries;
				if (this.declaredObjects > MAX_OBJECTS) {
					throw new IOException("too many objects");
				}
				measure(stream);
			}
			return stream;
		}

		@Override
		protected COSBase parseObjectStreamObject(long objectStream, COSObjectKey key) throws IOException {
			if (this.objectStreamsMeasured.add(objectStream)) {
				COSBase stream = this.document.getObjectFromPool(new COSObjectKey(objectStream, 0)).getObject();
				if (!(stream instanceof COSStream objectsStream)) {
					throw new IOException("object stream " + objectStream + " missing");
				}
				measure(objectsStream);
			}
			return super.parseObjectStreamObject(objectStream, key);
		}

		/**
		 * Every object of the cross-reference table, and the trailer, with the
		 * dictionaries and arrays within them, without following references.
		 */
		Optional<String> activeContent(PDDocument document) throws IOException {
			List<COSObjectKey> keys = new ArrayList<>(document.getDocument().getXrefTable().keySet());
			if (keys.size() > MAX_OBJECTS) {
				throw new IOException("too many objects");
			}
			Deque<COSBase> pending = new ArrayDeque<>();
			pending.push(document.getDocument().getTrailer());
			for (COSObjectKey key : keys) {
				COSBase object = parseObjectDynamically(key, false);
				if (object != null) {
					pending.push(object);
				}
				Optional<String> found = activeContent(pending);
				if (found.isPresent()) {
					return found;
				}
			}
			return activeContent(pending);
		}

		private static Optional<String> activeContent(Deque<COSBase> pending) {
			while (!pending.isEmpty()) {
				COSBase next = pending.pop();
				if (next instanceof COSArray array) {
					array.iterator().forEachRemaining(pending::push);
				}
				else if (next instanceof COSDictionary dictionary) {
					for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
						String key = entry.getKey().getName();
						if (ACTIVE_KEYS.contains(key)) {
							return Optional.of(key);
						}
						if (NAMING_KEYS.contains(key) && entry.getValue() instanceof COSName name
								&& ACTIVE_NAMES.contains(name.getName())) {
							return Optional.of(name.getName());
						}
						pending.push(entry.getValue());
					}
				}
			}
			return Optional.empty();
		}

		/**
		 * Inflates a stream as PDFBox will, counting its bytes against the budget, and
		 * keeping nothing.
		 */
		private void measure(COSStream stream) throws IOException {
			List<String> filters = new ArrayList<>();
			COSBase declared = stream.getFilters();
			if (declared instanceof COSName name) {
				filters.add(name.getName());
			}
			else if (declared instanceof COSArray array) {
				for (int i = 0; i < array.size(); i++) {
					if (!(array.getObject(i) instanceof COSName name)) {
						throw new IOException("bad filter");
					}
					filters.add(name.getName());
				}
			}
			for (int i = 0; i < filters.size(); i++) {
				if (!DATA_FILTERS.contains(filters.get(i))) {
					throw new IOException("filter " + filters.get(i) + " on a structure stream");
				}
				checkPredictor(parameters(stream, i));
			}
			try (InputStream raw = stream.createRawInputStream()) {
				InputStream input = raw;
				for (int i = 0; i < filters.size(); i++) {
					Budget output = new Budget(MAX_STRUCTURE_BYTES - this.structureBytes);
					FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(input, output, stream, i);
					this.structureBytes += output.size();
					input = output.read();
				}
			}
		}

		private static COSDictionary parameters(COSStream stream, int index) {
			COSBase parameters = stream.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
			if (parameters instanceof COSDictionary dictionary) {
				return (index == 0) ? dictionary : null;
			}
			if (parameters instanceof COSArray array && index < array.size()
					&& array.getObject(index) instanceof COSDictionary dictionary) {
				return dictionary;
			}
			return null;
		}

		/** The row a predictor holds twice in memory, of a size PDFBox does not check. */
		private static void checkPredictor(COSDictionary parameters) throws IOException {
			if (parameters == null || parameters.getInt(COSName.PREDICTOR) <= 1) {
				return;
			}
			long colors = Math.min(parameters.getInt(COSName.COLORS, 1), 32);
			long bits = parameters.getInt(COSName.BITS_PER_COMPONENT, 8);
			long columns = parameters.getInt(COSName.COLUMNS, 1);
			if (colors < 1 || bits < 1 || bits > 16 || columns < 1 || colors * bits * columns / 8 > MAX_ROW_BYTES) {
				throw new IOException("bad predictor");
			}
		}

	}

	/** Inflated bytes, refused past a budget as they come. */
	private static final class Budget extends OutputStream {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final long limit;

		Budget(long limit) {
			this.limit = limit;
		}

		@Override
		public void write(int b) throws IOException {
			check(1);
			this.bytes.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			check(len);
			this.bytes.write(b, off, len);
		}

		int size() {
			return this.bytes.size();
		}

		InputStream read() {
			return new ByteArrayInputStream(this.bytes.toByteArray());
		}

		private void check(int more) throws IOException {
			if (this.bytes.size() + (long) more > this.limit) {
				throw new IOException("inflates beyond the budget");
			}
		}

	}

}
