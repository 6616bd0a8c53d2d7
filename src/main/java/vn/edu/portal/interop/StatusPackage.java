package vn.edu.portal.interop;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A status package: how far the responding agency got with a document it received.
 *
 * @param from the responding agency
 * @param responseFor the document answered
 * @param staff who handles it
 * @param status the status
 * @param description what it means, in words
 * @param at when
 */
record StatusPackage(EdXmlPackage.Organ from, ResponseFor responseFor, EdXmlPackage.Staff staff, EdXml.Status status,
		String description, Instant at) {

	/**
	 * The document a status answers.
	 *
	 * @param organId the issuer's identifier code
	 * @param code its number and notation ("340/SGD&ĐT-CTTT")
	 * @param promulgationDate its signing day
	 * @param documentId the sender's document id
	 */
	record ResponseFor(String organId, String code, LocalDate promulgationDate, String documentId) {
	}

}
