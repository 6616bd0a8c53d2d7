package vn.edu.portal.interop;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an edXML package received from another system, as a hostile file: no DTD, no
 * entity of any kind, and budgets counted while reading (bytes of the package, elements,
 * depth, characters of a value, files and their decoded bytes). Elements are matched by
 * local name, whatever their namespace; dates and the business element are read in every
 * form that circulates. Files are decoded into a folder the caller gives and removes.
 */
final class EdXmlReader {

	private static final XMLInputFactory FACTORY = factory();

	private final Budgets budgets;

	private final Path folder;

	private final Deque<String> path = new ArrayDeque<>();

	private final Map<String, String> values = new HashMap<>();

	private final List<Map<String, String>> to = new ArrayList<>();

	private final List<String> places = new ArrayList<>();

	private final List<String> appendixes = new ArrayList<>();

	private final Map<String, Map<String, String>> files = new LinkedHashMap<>();

	private final Map<String, Path> decoded = new LinkedHashMap<>();

	private Map<String, String> organ;

	private Map<String, String> attachment;

	private Map<String, String> fromOrgan;

	private Base64Sink base64;

	private StringBuilder text = new StringBuilder();

	private int elements;

	private EdXmlReader(Budgets budgets, Path folder) {
		this.budgets = budgets;
		this.folder = folder;
	}

	/**
	 * Reads a package.
	 * @param content the package's bytes (not closed here)
	 * @param budgets the limits
	 * @param folder where the files are decoded
	 * @return the package and its decoded files by content id
	 * @throws EdXmlRefused naming what is wrong
	 */
	static Read read(InputStream content, Budgets budgets, Path folder) {
		EdXmlReader reader = new EdXmlReader(budgets, folder);
		try {
			XMLStreamReader xml = FACTORY.createXMLStreamReader(new Counted(content, budgets.packageBytes()));
			try {
				reader.run(xml);
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException ex) {
			if (ex.getCause() instanceof EdXmlRefused refused) {
				throw refused;
			}
			throw new EdXmlRefused("edxml.malformed");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Read(reader.build(), reader.decoded);
	}

	private void run(XMLStreamReader xml) throws XMLStreamException, IOException {
		boolean rootSeen = false;
		while (xml.hasNext()) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
						XMLStreamConstants.ENTITY_DECLARATION ->
					throw new EdXmlRefused("edxml.dtd");
				case XMLStreamConstants.START_ELEMENT -> {
					if (!rootSeen && !EdXml.ROOT.equals(xml.getLocalName())) {
						throw new EdXmlRefused("edxml.notPackage");
					}
					rootSeen = true;
					start(xml.getLocalName());
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
					characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
				case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
				default -> {
				}
			}
		}
		if (!rootSeen) {
			throw new EdXmlRefused("edxml.notPackage");
		}
	}

	private void start(String name) throws IOException {
		if (++this.elements > this.budgets.elements()) {
			throw new EdXmlRefused("edxml.tooManyElements", this.budgets.elements());
		}
		if (this.path.size() >= this.budgets.depth()) {
			throw new EdXmlRefused("edxml.tooDeep", this.budgets.depth());
		}
		String parent = this.path.peek();
		this.path.push(name);
		this.text.setLength(0);
		if ("MessageHeader".equals(parent) && ("From".equals(name) || "To".equals(name))) {
			this.organ = new HashMap<>();
			if ("To".equals(name)) {
				if (this.to.size() >= this.budgets.recipients()) {
					throw new EdXmlRefused("edxml.tooManyRecipients", this.budgets.recipients());
				}
				this.to.add(this.organ);
			}
			else {
				this.fromOrgan = this.organ;
			}
		}
		if (EdXml.ATTACHMENT.equals(name) && EdXml.ATTACHMENT_ENCODED.equals(parent)) {
			if (this.files.size() >= this.budgets.files()) {
				throw new EdXmlRefused("edxml.tooManyFiles", this.budgets.files());
			}
			this.attachment = new HashMap<>();
		}
		if ("ContentTransferEncoded".equals(name) && this.attachment != null) {
			this.base64 = new Base64Sink(Files.createTempFile(this.folder, "edxml-", ".bin"));
		}
	}

	private void characters(char[] chars, int start, int length) throws IOException {
		if (this.base64 != null) {
			this.base64.append(chars, start, length);
			return;
		}
		if (this.text.length() + length > this.budgets.valueCharacters()) {
			throw new EdXmlRefused("edxml.valueTooLong", this.path.peek(), this.budgets.valueCharacters());
		}
		this.text.append(chars, start, length);
	}

	private void end(String name) throws IOException {
		this.path.pop();
		String parent = this.path.peek();
		String value = java.text.Normalizer.normalize(this.text.toString().strip(), java.text.Normalizer.Form.NFC);
		this.text.setLength(0);
		if ("ContentTransferEncoded".equals(name) && this.base64 != null) {
			Path file = this.base64.finish();
			this.base64 = null;
			this.attachment.put("file", file.toString());
			return;
		}
		if (this.organ != null && ("From".equals(parent) || "To".equals(parent))) {
			this.organ.put(name, value);
			return;
		}
		if (("From".equals(name) || "To".equals(name)) && "MessageHeader".equals(parent)) {
			this.organ = null;
			return;
		}
		if (this.attachment != null && EdXml.ATTACHMENT.equals(parent)) {
			this.attachment.put(name, value);
			return;
		}
		if (this.attachment != null && EdXml.ATTACHMENT.equals(name)) {
			String id = contentId(this.attachment.getOrDefault("ContentId", ""));
			if (id.isEmpty() || !this.attachment.containsKey("file")) {
				throw new EdXmlRefused("edxml.attachmentIncomplete");
			}
			this.files.put(id, this.attachment);
			this.decoded.put(id, Path.of(this.attachment.get("file")));
			this.attachment = null;
			return;
		}
		if ("ToPlaces".equals(parent) && "Place".equals(name)) {
			this.places.add(value);
			return;
		}
		if ("Appendixes".equals(parent) && "Appendix".equals(name)) {
			this.appendixes.add(value);
			return;
		}
		if (parent != null) {
			String key = (EdXml.BUSINESS.contains(parent) ? "Bussiness" : parent) + "/" + name;
			this.values.putIfAbsent(key.replace("BusinessDoc", "BussinessDoc"), value);
		}
	}

	private EdXmlPackage build() {
		if (this.fromOrgan == null || blank(this.fromOrgan.get("OrganId"))) {
			throw new EdXmlRefused("edxml.missing", "From/OrganId");
		}
		String number = required("Code/CodeNumber");
		String notation = required("Code/CodeNotation");
		String subject = required("MessageHeader/Subject");
		String dateText = required("PromulgationInfo/PromulgationDate");
		LocalDate date = EdXml.parseDate(dateText).orElseThrow(() -> new EdXmlRefused("edxml.badDate", dateText));
		String typeName = this.values.get("DocumentType/TypeName");
		Integer typeDetail = integer("DocumentType/TypeDetail");
		EdXml.DocumentType type = EdXml.typeOf(typeName, typeDetail)
			.orElseThrow(() -> new EdXmlRefused("edxml.unknownType",
					!blank(typeName) ? typeName : String.valueOf(typeDetail)));
		String dueText = this.values.get("MessageHeader/DueDate");
		LocalDate due = blank(dueText) ? null
				: EdXml.parseDate(dueText).orElseThrow(() -> new EdXmlRefused("edxml.badDate", dueText));
		Integer priority = integer("OtherInfo/Priority");
		if (priority != null && EdXml.urgencyOf(priority).isEmpty()) {
			throw new EdXmlRefused("edxml.badPriority", priority);
		}
		Integer business = integer("Bussiness/BussinessDocType");
		EdXml.Business kind = (business != null)
				? EdXml.Business.of(business).orElseThrow(() -> new EdXmlRefused("edxml.badBusiness", business))
				: EdXml.Business.NEW;
		EdXmlPackage.Staff staff = new EdXmlPackage.Staff(this.values.get("StaffInfo/Department"),
				this.values.get("StaffInfo/Staff"), this.values.get("StaffInfo/Mobile"),
				this.values.get("StaffInfo/Email"));
		List<EdXmlPackage.Attachment> attachments = new ArrayList<>();
		this.files.forEach((id, fields) -> {
			Path file = Path.of(fields.get("file"));
			attachments.add(new EdXmlPackage.Attachment(id, fields.get("ContentType"), fields.get("Description"),
					fields.get("AttachmentName"), (out) -> Files.copy(file, out)));
		});
		return new EdXmlPackage(organ(this.fromOrgan), this.to.stream().map(EdXmlReader::organ).toList(),
				this.values.get("MessageHeader/DocumentId"), number, notation,
				this.values.get("PromulgationInfo/Place"), date, type, subject,
				this.values.get("MessageHeader/Content"),
				new EdXmlPackage.Signer(emptyToNull(this.values.get("SignerInfo/Competence")),
						this.values.get("SignerInfo/Position"), this.values.get("SignerInfo/FullName")),
				due, List.copyOf(this.places), (priority != null) ? priority : 0, List.copyOf(this.appendixes),
				(integer("MessageHeader/SteeringType") != null) ? integer("MessageHeader/SteeringType")
						: EdXml.STEERING,
				new EdXmlPackage.Business(kind, emptyToNull(this.values.get("Bussiness/BussinessDocReason")),
						emptyToNull(this.values.get("Bussiness/DocumentId")), staff),
				attachments);
	}

	private static EdXmlPackage.Organ organ(Map<String, String> fields) {
		return new EdXmlPackage.Organ(fields.get("OrganId"), emptyToNull(fields.get("OrganizationInCharge")),
				fields.get("OrganName"), emptyToNull(fields.get("OrganAdd")), emptyToNull(fields.get("Email")),
				emptyToNull(fields.get("Telephone")), emptyToNull(fields.get("Fax")),
				emptyToNull(fields.get("Website")));
	}

	private String required(String key) {
		String value = this.values.get(key);
		if (blank(value)) {
			throw new EdXmlRefused("edxml.missing", key);
		}
		return value;
	}

	private Integer integer(String key) {
		String value = this.values.get(key);
		if (blank(value)) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new EdXmlRefused("edxml.notANumber", key, value);
		}
	}

	static String contentId(String value) {
		String id = value.strip();
		return id.regionMatches(true, 0, EdXml.CID, 0, EdXml.CID.length()) ? id.substring(EdXml.CID.length()).strip()
				: id;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String emptyToNull(String value) {
		return blank(value) ? null : value;
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory;
	}

	/** The limits of one package. */
	record Budgets(long packageBytes, int elements, int depth, int valueCharacters, int recipients, int files,
			long fileBytes) {

		static final Budgets DEFAULT = new Budgets(40L * 1024 * 1024, 20_000, 24, 4_000, 2_000, 10, 20L * 1024 * 1024);

	}

	/**
	 * A package read.
	 *
	 * @param edxml the package
	 * @param files the decoded files by content id
	 */
	record Read(EdXmlPackage edxml, Map<String, Path> files) {
	}

	/** Decodes base64 text into a file, counting the decoded bytes against the budget. */
	private final class Base64Sink {

		private final Path file;

		private final OutputStream out;

		private final StringBuilder pending = new StringBuilder();

		private long written;

		Base64Sink(Path file) throws IOException {
			this.file = file;
			this.out = Files.newOutputStream(file);
		}

		void append(char[] chars, int start, int length) throws IOException {
			for (int i = start; i < start + length; i++) {
				char c = chars[i];
				if (!Character.isWhitespace(c)) {
					this.pending.append(c);
				}
			}
			int whole = this.pending.length() - (this.pending.length() % 4);
			if (whole >= 4096) {
				decode(this.pending.substring(0, whole));
				this.pending.delete(0, whole);
			}
		}

		Path finish() throws IOException {
			try (OutputStream closing = this.out) {
				if (this.pending.length() % 4 != 0) {
					throw new EdXmlRefused("edxml.badBase64");
				}
				decode(this.pending.toString());
			}
			return this.file;
		}

		private void decode(String base64) throws IOException {
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(base64);
			}
			catch (IllegalArgumentException ex) {
				this.out.close();
				throw new EdXmlRefused("edxml.badBase64");
			}
			this.written += bytes.length;
			if (this.written > EdXmlReader.this.budgets.fileBytes()) {
				this.out.close();
				throw new EdXmlRefused("edxml.fileTooLarge", EdXmlReader.this.budgets.fileBytes() / (1024 * 1024));
			}
			this.out.write(bytes);
		}

	}

	/** Refuses a package past its byte budget while it is read. */
	private static final class Counted extends FilterInputStream {

		private final long limit;

		private long count;

		Counted(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			int read = super.read(bytes, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(long bytes) {
			this.count += bytes;
			if (this.count > this.limit) {
				throw new EdXmlRefused("edxml.tooLarge", this.limit / (1024 * 1024));
			}
		}

	}

}
