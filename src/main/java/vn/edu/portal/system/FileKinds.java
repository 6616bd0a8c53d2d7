package vn.edu.portal.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Tells the {@link FileKind} of an uploaded file from its bytes, never from its name or
 * from the type the browser declared, and gives a file a name that is safe to send it
 * back under.
 * <p>
 * A file is recognised by its signature: {@code %PDF-} and a version for PDF, the PNG
 * signature and its header chunk, {@code FF D8 FF} for JPEG, {@code GIF87a} or
 * {@code GIF89a}, a RIFF container of WebP, and an MP4 file type box with a known brand.
 * A Word document or an Excel workbook is a ZIP archive that the JDK reads as one, whose
 * {@code [Content_Types].xml} gives its main part ({@code word/document.xml} or
 * {@code xl/workbook.xml}) the type of a document or of a workbook. A package with macros
 * (a VBA project, or any macro-enabled content type), with both main parts, or with two
 * entries whose names differ only in case, is not recognised; neither are old binary
 * Office files, archives of other kinds, or text of any kind (HTML, SVG).
 * <p>
 * Only the start of the file, the archive's directory and its content types (at most
 * {@value #MAX_CONTENT_TYPES_BYTES} bytes once inflated) are read to recognise it, so
 * that a zip bomb costs nothing; {@link #measureInflation} then inflates every part,
 * keeping nothing, to refuse one before it reaches a reader's office suite.
 */
public final class FileKinds {

	/** The most bytes of {@code [Content_Types].xml} inflated from a package. */
	private static final int MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

	/** The most entries a package may hold. */
	private static final int MAX_ENTRIES = 10_000;

	/**
	 * How many times its compressed size a part of a package may inflate to, past the
	 * first {@value #INFLATE_GRACE_BYTES} bytes (the ratio Apache POI refuses beyond).
	 */
	private static final int MAX_INFLATE_RATIO = 100;

	private static final int INFLATE_GRACE_BYTES = 100 * 1024;

	/** The most bytes all parts of a package may inflate to. */
	private static final long MAX_INFLATED_BYTES = 512L * 1024 * 1024;

	/** The longest safe file name, with its extension. */
	private static final int MAX_NAME_LENGTH = 120;

	/**
	 * How many bytes at the start of a file are read: enough for an MP4 file type box.
	 */
	private static final int HEAD = 256;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	/** The first chunks a WebP file may start with: lossy, lossless, extended. */
	private static final Set<String> WEBP_CHUNKS = Set.of("VP8 ", "VP8L", "VP8X");

	/** The brands of MP4 video, of which the file type box must name one. */
	private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42",
			"avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "MSNV");

	private static final List<OfficePackage> OFFICE_PACKAGES = List.of(
			new OfficePackage(FileKind.DOCX, "/word/document.xml",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
			new OfficePackage(FileKind.XLSX, "/xl/workbook.xml",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));

	/** Characters that Windows refuses in a file name, and quotes. */
	private static final String FORBIDDEN = "<>:\"|?*'`";

	/** An extension to replace: a few letters or digits, at least one a letter. */
	private static final Pattern EXTENSION = Pattern.compile("\\.(?=[0-9]*[A-Za-z])[A-Za-z0-9]{1,5}$");

	/** The names that Windows keeps for devices, whatever their extension. */
	private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\\..*)?");

	private FileKinds() {
	}

	/**
	 * Tells the kind of a file from its bytes.
	 * @param file the file to read
	 * @return the kind, or empty if the file is of no kind the portal takes
	 * @throws UncheckedIOException if the file cannot be read at all
	 */
	public static Optional<FileKind> recognise(Path file) {
		byte[] head = head(file);
		if (isPdf(head)) {
			return Optional.of(FileKind.PDF);
		}
		if (startsWith(head, 0, PNG) && startsWith(head, 12, "IHDR")) {
			return Optional.of(FileKind.PNG);
		}
		if (startsWith(head, 0, JPEG)) {
			return Optional.of(FileKind.JPEG);
		}
		if (startsWith(head, 0, "GIF87a") || startsWith(head, 0, "GIF89a")) {
			return Optional.of(FileKind.GIF);
		}
		if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP") && head.length >= 16
				&& WEBP_CHUNKS.contains(ascii(head, 12))) {
			return Optional.of(FileKind.WEBP);
		}
		if (isMp4(head)) {
			return Optional.of(FileKind.MP4);
		}
		if (startsWith(head, 0, ZIP)) {
			return office(file);
		}
		return Optional.empty();
	}

	/**
	 * Tells the kind of a file from its bytes, if it is one of those allowed.
	 * @param file the file to read
	 * @param allowed the kinds taken where the file is uploaded
	 * @return the kind, or empty if the file is of no kind allowed
	 * @throws UncheckedIOException if the file cannot be read at all
	 */
	public static Optional<FileKind> recognise(Path file, Set<FileKind> allowed) {
		return recognise(file).filter(allowed::contains);
	}

	/**
	 * Inflates every part of a recognised Word document or Excel workbook, keeping
	 * nothing, and refuses a zip bomb: a part that inflates to more than
	 * {@value #MAX_INFLATE_RATIO} times its compressed size (past its first
	 * {@value #INFLATE_GRACE_BYTES} bytes), or parts that inflate to more than
	 * {@value #MAX_INFLATED_BYTES} bytes in all. Counted while inflating.
	 * @throws UncheckedIOException if the package is a bomb or cannot be inflated
	 */
	static void measureInflation(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
				ZipEntry entry = all.nextElement();
				long allowed = INFLATE_GRACE_BYTES + MAX_INFLATE_RATIO * Math.max(0, entry.getCompressedSize());
				long inflated = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
						inflated += read;
						total += read;
						if (inflated > allowed || total > MAX_INFLATED_BYTES) {
							throw new IOException("zip bomb: " + entry.getName());
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A name to send a file back under, made from the name it was uploaded with. The name
	 * is put in Unicode NFC and keeps its letters (Vietnamese ones too), digits, spaces
	 * and punctuation. Folders ({@code ..}, {@code .}) are dropped and the remaining path
	 * separators, control and invisible formatting characters, quotes and the characters
	 * {@code <>:"|?*} become {@code _}. Leading dots go, a device name of Windows gets a
	 * leading {@code _}, and the name is cut to {@value #MAX_NAME_LENGTH} characters. The
	 * extension is always that of the kind: a short extension of letters and digits is
	 * replaced, any other part of the name is kept.
	 * @param original the name the file was uploaded with; may be {@code null}
	 * @param kind the kind recognised from the file's bytes
	 * @return the safe name, {@code tep.} and the extension if nothing of the original is
	 * left
	 */
	public static String safeFileName(String original, FileKind kind) {
		String name = Normalizer.normalize((original != null) ? original : "", Normalizer.Form.NFC);
		StringBuilder joined = new StringBuilder();
		for (String segment : name.split("[/\\\\]")) {
			if (!segment.strip().replace(".", "").isEmpty()) {
				joined.append(joined.isEmpty() ? "" : "_").append(segment);
			}
		}
		StringBuilder safe = new StringBuilder();
		joined.codePoints().forEach((character) -> safe.appendCodePoint(safe(character)));
		String base = trim(EXTENSION.matcher(safe.toString().strip()).replaceFirst(""));
		if (DEVICE.matcher(base).matches()) {
			base = "_" + base;
		}
		int length = MAX_NAME_LENGTH - kind.extension().length() - 1;
		if (base.length() > length) {
			base = trim(base.substring(0, Character.isHighSurrogate(base.charAt(length - 1)) ? length - 1 : length));
		}
		return (base.isEmpty() ? "tep" : base) + "." + kind.extension();
	}

	/**
	 * Whether the extension a file was sent with agrees with the kind its bytes show:
	 * none at all does; {@code .jpg}, {@code .jpeg}, {@code .jpe} and {@code .jfif} are
	 * JPEG, {@code .m4v} is MP4, any other must be the kind's own.
	 */
	public static boolean extensionMatches(String originalName, FileKind kind) {
		String name = (originalName != null) ? originalName.strip() : "";
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1);
		int dot = name.lastIndexOf('.');
		if (dot <= 0 || dot == name.length() - 1) {
			return true;
		}
		String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
		return switch (kind) {
			case JPEG -> Set.of("jpg", "jpeg", "jpe", "jfif").contains(extension);
			case MP4 -> extension.equals("mp4") || extension.equals("m4v");
			default -> extension.equals(kind.extension());
		};
	}

	private static int safe(int character) {
		if (FORBIDDEN.indexOf(character) >= 0) {
			return '_';
		}
		return switch (Character.getType(character)) {
			case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
				'_';
			case Character.SPACE_SEPARATOR -> ' ';
			default -> character;
		};
	}

	/** Strips leading dots and spaces, and trailing ones, which Windows drops. */
	private static String trim(String name) {
		return name.replaceAll("^[. ]+|[. ]+$", "");
	}

	private static byte[] head(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(HEAD);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isPdf(byte[] head) {
		return startsWith(head, 0, "%PDF-") && head.length >= 8 && isDigit(head[5]) && head[6] == '.'
				&& isDigit(head[7]);
	}

	/**
	 * Whether a file starts with an MP4 file type box whose major brand, or one of whose
	 * compatible brands, is a brand of MP4 video.
	 */
	private static boolean isMp4(byte[] head) {
		if (head.length < 16 || !startsWith(head, 4, "ftyp")) {
			return false;
		}
		long size = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
		if (size < 16 || size > head.length || size % 4 != 0) {
			return false;
		}
		for (int offset = 8; offset < size; offset += (offset == 8) ? 8 : 4) {
			if (MP4_BRANDS.contains(ascii(head, offset))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads a ZIP archive as an Office Open XML package: its directory, and its content
	 * types alone of its parts.
	 */
	private static Optional<FileKind> office(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > MAX_ENTRIES) {
				return Optional.empty();
			}
			Map<String, ZipEntry> entries = new HashMap<>();
			for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
				ZipEntry entry = all.nextElement();
				String name = "/" + entry.getName().toLowerCase(Locale.ROOT);
				if (entries.put(name, entry) != null || name.endsWith("vbaproject.bin")) {
					return Optional.empty();
				}
			}
			List<OfficePackage> found = OFFICE_PACKAGES.stream()
				.filter((candidate) -> entries.containsKey(candidate.mainPart()))
				.toList();
			ZipEntry contentTypes = entries.get("/[content_types].xml");
			if (found.size() != 1 || contentTypes == null) {
				return Optional.empty();
			}
			OfficePackage office = found.get(0);
			byte[] xml;
			try (InputStream in = zip.getInputStream(contentTypes)) {
				xml = in.readNBytes(MAX_CONTENT_TYPES_BYTES + 1);
			}
			if (xml.length > MAX_CONTENT_TYPES_BYTES) {
				return Optional.empty();
			}
			return office.mainType().equals(mainType(xml, office.mainPart())) ? Optional.of(office.kind())
					: Optional.empty();
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The content type, in lower case, that {@code [Content_Types].xml} gives a part: its
	 * override, or the default for its extension.
	 * @return the type; {@code null} if none is given, or if any type is macro-enabled
	 */
	private static String mainType(byte[] xml, String part) throws XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
		try {
			String override = null;
			String byExtension = null;
			String extension = part.substring(part.lastIndexOf('.') + 1);
			while (reader.hasNext()) {
				if (reader.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String type = lowerCase(reader.getAttributeValue(null, "ContentType"));
				if (type.contains("macroenabled")) {
					return null;
				}
				String name = reader.getLocalName();
				if (name.equals("Override") && part.equals(lowerCase(reader.getAttributeValue(null, "PartName")))) {
					override = type;
				}
				else if (name.equals("Default")
						&& extension.equals(lowerCase(reader.getAttributeValue(null, "Extension")))) {
					byExtension = type;
				}
			}
			return (override != null) ? override : byExtension;
		}
		finally {
			reader.close();
		}
	}

	private static String lowerCase(String value) {
		return (value != null) ? value.strip().toLowerCase(Locale.ROOT) : "";
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] bytes, int offset, String ascii) {
		return startsWith(bytes, offset, ascii.getBytes(StandardCharsets.US_ASCII));
	}

	private static String ascii(byte[] bytes, int offset) {
		return new String(bytes, offset, 4, StandardCharsets.ISO_8859_1);
	}

	private static boolean isDigit(byte value) {
		return value >= '0' && value <= '9';
	}

	/** An Office Open XML package: its kind, its main part and that part's type. */
	private record OfficePackage(FileKind kind, String mainPart, String mainType) {

	}

}
