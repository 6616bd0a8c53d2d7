package vn.edu.portal.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * An edXML package as the portal reads and writes it, independent of element names.
 *
 * @param from the issuing agency
 * @param to the agencies it is sent to electronically
 * @param documentId the sender's id of the document
 * ({@code OrganId,yyyy/MM/dd,Number/Notation})
 * @param codeNumber the number ({@code CodeNumber})
 * @param codeNotation the notation ({@code CodeNotation})
 * @param place the place of promulgation
 * @param promulgationDate the signing day
 * @param type the document type
 * @param subject the subject (trích yếu)
 * @param content a summary
 * @param signer the signer block
 * @param dueDate the processing deadline, or {@code null}
 * @param toPlaces the "Nơi nhận" lines
 * @param priority the priority (0 to 4)
 * @param appendixes the names of the appendixes
 * @param steeringType the steering type
 * @param business the business information
 * @param attachments the files
 */
record EdXmlPackage(Organ from, List<Organ> to, String documentId, String codeNumber, String codeNotation, String place,
		LocalDate promulgationDate, EdXml.DocumentType type, String subject, String content, Signer signer,
		LocalDate dueDate, List<String> toPlaces, int priority, List<String> appendixes, int steeringType,
		Business business, List<Attachment> attachments) {

	/**
	 * An agency.
	 *
	 * @param organId its identifier code
	 * @param organizationInCharge the body above it
	 * @param organName its name
	 * @param organAdd its address
	 * @param email its e-mail
	 * @param telephone its phone
	 * @param fax its fax
	 * @param website its website
	 */
	record Organ(String organId, String organizationInCharge, String organName, String organAdd, String email,
			String telephone, String fax, String website) {

		static Organ of(String organId, String organName) {
			return new Organ(organId, null, organName, null, null, null, null, null);
		}

	}

	/**
	 * The signer block.
	 *
	 * @param competence KT./TM./TL. … with the head's title
	 * @param position the signer's position
	 * @param fullName the signer's name
	 */
	record Signer(String competence, String position, String fullName) {
	}

	/**
	 * What the package does to the document.
	 *
	 * @param type new, revoke, update or replace
	 * @param reason why, for a revocation or update
	 * @param documentId the document affected
	 * @param staff who handles it
	 */
	record Business(EdXml.Business type, String reason, String documentId, Staff staff) {
	}

	/**
	 * A contact person.
	 *
	 * @param department the department
	 * @param staff the person
	 * @param mobile the phone
	 * @param email the e-mail
	 */
	record Staff(String department, String staff, String mobile, String email) {
	}

	/**
	 * A file.
	 *
	 * @param contentId the id joining manifest and file, without {@code cid:}
	 * @param contentType its media type
	 * @param description what it is
	 * @param name its file name
	 * @param content its bytes, written on demand
	 */
	record Attachment(String contentId, String contentType, String description, String name, Content content) {
	}

	/**
	 * The bytes of a file, written on demand (from the file store, or a temporary file).
	 */
	@FunctionalInterface
	interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

}
