package vn.edu.portal.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes edXML packages, streamed: files go from their store through a base64 encoder
 * into the response, never whole into memory. Every envelope element carries the
 * {@code edXML} prefix (some receivers refuse a default namespace).
 */
final class EdXmlWriter {

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private static final int CHUNK = 3 * 4096;

	private final XMLStreamWriter xml;

	private final ZoneId zone;

	private EdXmlWriter(XMLStreamWriter xml, ZoneId zone) {
		this.xml = xml;
		this.zone = zone;
	}

	/** Writes a document package; its files are copied in as they are written. */
	static void write(EdXmlPackage document, String traceOrganId, Instant at, ZoneId zone, OutputStream out) {
		run(out, zone, (writer) -> writer.document(document, traceOrganId, at));
	}

	/** Writes a status package. */
	static void write(StatusPackage status, ZoneId zone, OutputStream out) {
		run(out, zone, (writer) -> writer.status(status));
	}

	private static void run(OutputStream out, ZoneId zone, Body body) {
		try {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
			xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
			xml.writeStartElement(EdXml.ROOT);
			xml.writeNamespace(EdXml.PREFIX, EdXml.NAMESPACE);
			body.write(new EdXmlWriter(xml, zone));
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.flush();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("The package cannot be written", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void document(EdXmlPackage p, String traceOrganId, Instant at) throws XMLStreamException, IOException {
		start(EdXml.ENVELOPE);
		start(EdXml.HEADER);
		start(EdXml.MESSAGE_HEADER);
		organ("From", p.from());
		for (EdXmlPackage.Organ to : p.to()) {
			organ("To", to);
		}
		text("DocumentId", p.documentId());
		start("Code");
		text("CodeNumber", p.codeNumber());
		text("CodeNotation", p.codeNotation());
		end();
		start("PromulgationInfo");
		text("Place", p.place());
		text("PromulgationDate", EdXml.date(p.promulgationDate()));
		end();
		start("DocumentType");
		text("Type", String.valueOf(p.type().type()));
		text("TypeDetail", String.valueOf(p.type().typeDetail()));
		text("TypeName", p.type().name());
		end();
		text("Subject", p.subject());
		optional("Content", p.content());
		start("SignerInfo");
		optional("Competence", p.signer().competence());
		text("Position", p.signer().position());
		text("FullName", p.signer().fullName());
		end();
		text("DueDate", EdXml.date(p.dueDate()));
		start("ToPlaces");
		for (String place : p.toPlaces()) {
			text("Place", place);
		}
		end();
		start("OtherInfo");
		text("Priority", String.valueOf(p.priority()));
		if (!p.appendixes().isEmpty()) {
			start("Appendixes");
			for (String appendix : p.appendixes()) {
				text("Appendix", appendix);
			}
			end();
		}
		end();
		text("SteeringType", String.valueOf(p.steeringType()));
		end();
		start(EdXml.TRACE_HEADER_LIST);
		start(EdXml.TRACE_HEADER);
		text("OrganId", traceOrganId);
		text("Timestamp", EdXml.TIMESTAMP.format(at.atZone(this.zone)));
		end();
		start(EdXml.BUSINESS.get(0));
		text("BussinessDocType", String.valueOf(p.business().type().code));
		optional("BussinessDocReason", p.business().reason());
		optional("DocumentId", p.business().documentId());
		text("Paper", "0");
		staff(p.business().staff());
		end();
		end();
		end();
		start(EdXml.BODY);
		start(EdXml.MANIFEST);
		for (EdXmlPackage.Attachment attachment : p.attachments()) {
			start(EdXml.REFERENCE);
			attachmentFields(attachment, this::text);
			end();
		}
		end();
		end();
		end();
		if (!p.attachments().isEmpty()) {
			this.xml.writeStartElement(EdXml.ATTACHMENT_ENCODED);
			for (EdXmlPackage.Attachment attachment : p.attachments()) {
				this.xml.writeStartElement(EdXml.ATTACHMENT);
				attachmentFields(attachment, this::plain);
				this.xml.writeStartElement("ContentTransferEncoded");
				encode(attachment.content());
				this.xml.writeEndElement();
				this.xml.writeEndElement();
			}
			this.xml.writeEndElement();
		}
	}

	private void status(StatusPackage s) throws XMLStreamException {
		start(EdXml.ENVELOPE);
		start(EdXml.HEADER);
		start(EdXml.MESSAGE_HEADER);
		organ("From", s.from());
		start("ResponseFor");
		text("OrganId", s.responseFor().organId());
		text("Code", s.responseFor().code());
		text("PromulgationDate", EdXml.date(s.responseFor().promulgationDate()));
		text("DocumentId", s.responseFor().documentId());
		end();
		staff(s.staff());
		text("StatusCode", s.status().code);
		text("Description", s.description());
		text("Timestamp", EdXml.TIMESTAMP.format(s.at().atZone(this.zone)));
		end();
		start(EdXml.TRACE_HEADER_LIST);
		start(EdXml.TRACE_HEADER);
		text("OrganId", s.from().organId());
		text("Timestamp", EdXml.TIMESTAMP.format(s.at().atZone(this.zone)));
		end();
		end();
		end();
		start(EdXml.BODY);
		start(EdXml.MANIFEST);
		end();
		end();
		end();
	}

	private void organ(String name, EdXmlPackage.Organ organ) throws XMLStreamException {
		start(name);
		text("OrganId", organ.organId());
		optional("OrganizationInCharge", organ.organizationInCharge());
		text("OrganName", organ.organName());
		optional("OrganAdd", organ.organAdd());
		optional("Email", organ.email());
		optional("Telephone", organ.telephone());
		optional("Fax", organ.fax());
		optional("Website", organ.website());
		end();
	}

	private void staff(EdXmlPackage.Staff staff) throws XMLStreamException {
		if (staff == null) {
			return;
		}
		start("StaffInfo");
		optional("Department", staff.department());
		optional("Staff", staff.staff());
		optional("Mobile", staff.mobile());
		optional("Email", staff.email());
		end();
	}

	private void attachmentFields(EdXmlPackage.Attachment attachment, Field field) throws XMLStreamException {
		field.write("ContentId", EdXml.CID + attachment.contentId());
		field.write("ContentType", attachment.contentType());
		field.write("Description", (attachment.description() != null) ? attachment.description() : "");
		field.write("AttachmentName", attachment.name());
	}

	/** The file in base64, in chunks of whole 3-byte groups. */
	private void encode(EdXmlPackage.Content content) throws IOException {
		Base64.Encoder encoder = Base64.getEncoder();
		OutputStream chunks = new OutputStream() {

			private final byte[] buffer = new byte[CHUNK];

			private int used;

			@Override
			public void write(int b) throws IOException {
				this.buffer[this.used++] = (byte) b;
				if (this.used == CHUNK) {
					flushChunk();
				}
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				for (int i = 0; i < length; i++) {
					write(bytes[offset + i]);
				}
			}

			@Override
			public void close() throws IOException {
				flushChunk();
			}

			private void flushChunk() throws IOException {
				if (this.used == 0) {
					return;
				}
				byte[] chunk = (this.used == CHUNK) ? this.buffer : java.util.Arrays.copyOf(this.buffer, this.used);
				this.used = 0;
				try {
					EdXmlWriter.this.xml.writeCharacters(encoder.encodeToString(chunk));
				}
				catch (XMLStreamException ex) {
					throw new IOException(ex);
				}
			}

		};
		content.writeTo(chunks);
		chunks.close();
	}

	private void start(String name) throws XMLStreamException {
		this.xml.writeStartElement(EdXml.PREFIX, name, EdXml.NAMESPACE);
	}

	private void end() throws XMLStreamException {
		this.xml.writeEndElement();
	}

	private void text(String name, String value) throws XMLStreamException {
		start(name);
		this.xml.writeCharacters((value != null) ? value : "");
		end();
	}

	private void optional(String name, String value) throws XMLStreamException {
		if (value != null && !value.isBlank()) {
			text(name, value);
		}
	}

	private void plain(String name, String value) throws XMLStreamException {
		this.xml.writeStartElement(name);
		this.xml.writeCharacters((value != null) ? value : "");
		this.xml.writeEndElement();
	}

	@FunctionalInterface
	private interface Body {

		void write(EdXmlWriter writer) throws XMLStreamException, IOException;

	}

	@FunctionalInterface
	private interface Field {

		void write(String name, String value) throws XMLStreamException;

	}

}
