package vn.edu.portal.interop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.FileSystemUtils;

import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.directive.DirectiveExchange;
import vn.edu.portal.directive.DirectiveExchange.Issuer;
import vn.edu.portal.directive.DirectiveExchange.Recipient;
import vn.edu.portal.directive.Urgency;
import vn.edu.portal.system.Formats;

/**
 * Brings a directive in from an edXML package received from the province's document
 * system: read as a hostile file, shown mapped onto the directive's fields, and created
 * only when its uploader confirms, already numbered by the outside register. A package
 * whose document the portal already holds is refused with a link to it.
 */
@Service
class EdXmlImport {

	/** How long an uploaded package waits for its confirmation. */
	static final Duration PENDING_FOR = Duration.ofDays(1);

	private final DirectiveExchange exchange;

	private final JdbcClient jdbc;

	private final Formats formats;

	private final Clock clock;

	private final EdXmlReader.Budgets budgets = EdXmlReader.Budgets.DEFAULT;

	EdXmlImport(DirectiveExchange exchange, JdbcClient jdbc, Formats formats, Clock clock) {
		this.exchange = exchange;
		this.jdbc = jdbc;
		this.formats = formats;
		this.clock = clock;
	}

	/** Refuses (403) whoever may not issue directives for a Department. */
	@Transactional(readOnly = true)
	void checkAllowed(CurrentUser user) {
		this.exchange.issuerOf(user);
	}

	/**
	 * Reads an uploaded package and keeps it for confirmation.
	 * @throws EdXmlRefused naming what is wrong; nothing is kept then
	 */
	@Transactional
	Preview preview(CurrentUser user, String fileName, InputStream content, long size) {
		Issuer issuer = this.exchange.issuerOf(user);
		byte[] bytes = read(content, size);
		Preview preview = withPackage(bytes, (read) -> map(user, issuer, read.edxml()));
		UUID token = UUID.randomUUID();
		this.jdbc.sql("delete from interop_pending_import where created_at < ?")
			.param(java.sql.Timestamp.from(this.clock.instant().minus(PENDING_FOR)))
			.update();
		this.jdbc.sql("insert into interop_pending_import (id, account_id, file_name, content) values (?, ?, ?, ?)")
			.params(token, user.id(), DirectivePackages.cut(fileName, 255), bytes)
			.update();
		return preview.withToken(token);
	}

	/**
	 * Creates the directive of a package this user uploaded. The package is taken once: a
	 * confirmation sent again (or ten times at once) leads to the directive the first
	 * made.
	 * @return the directive, or empty when the package waited too long
	 * @throws PendingNotFound when no package of this user has that key (404)
	 */
	@Transactional
	Optional<Long> confirm(CurrentUser user, UUID token) {
		Issuer issuer = this.exchange.issuerOf(user);
		Pending pending = this.jdbc.sql("""
				select account_id, content, directive_id, created_at >= ? as waiting
				from interop_pending_import where id = ? for update
				""")
			.param(java.sql.Timestamp.from(this.clock.instant().minus(PENDING_FOR)))
			.param(token)
			.query((rs, i) -> new Pending(rs.getLong("account_id"), rs.getBytes("content"),
					(Long) rs.getObject("directive_id"), rs.getBoolean("waiting")))
			.optional()
			.filter((row) -> row.accountId() == user.id())
			.orElseThrow(PendingNotFound::new);
		if (pending.directiveId() != null) {
			return Optional.of(pending.directiveId());
		}
		if (!pending.waiting()) {
			return Optional.empty();
		}
		long id = withPackage(pending.content(), (read) -> create(user, issuer, read));
		this.jdbc.sql("update interop_pending_import set directive_id = ?, content = '' where id = ?")
			.params(id, token)
			.update();
		return Optional.of(id);
	}

	private long create(CurrentUser user, Issuer issuer, EdXmlReader.Read read) {
		Preview preview = map(user, issuer, read.edxml());
		EdXmlPackage p = read.edxml();
		List<DirectiveExchange.IncomingFile> files = new ArrayList<>();
		for (EdXmlPackage.Attachment attachment : p.attachments()) {
			files.add(new DirectiveExchange.IncomingFile(
					(attachment.name() != null) ? attachment.name() : attachment.contentId(),
					read.files().get(attachment.contentId()), attachment.description()));
		}
		LocalDate today = this.formats.today();
		return this.exchange.issueRegisteredElsewhere(user,
				new DirectiveExchange.OutsideDocument(preview.type().portalType(), preview.number(), p.codeNotation(),
						p.promulgationDate(), p.place(), p.subject(), p.content(), p.from().organizationInCharge(),
						p.from().organName(), p.signer().competence(), p.signer().position(), p.signer().fullName(),
						preview.urgency(), preview.matched().stream().map(Recipient::unitId).toList(), p.toPlaces(),
						(p.dueDate() != null && !p.dueDate().isBefore(today)) ? p.dueDate() : null, p.from().email(),
						p.from().telephone(), p.documentId()),
				files);
	}

	private record Pending(long accountId, byte[] content, Long directiveId, boolean waiting) {
	}

	/** No package of this user waits under that key. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class PendingNotFound extends RuntimeException {

		PendingNotFound() {
			super("no such package");
		}

	}

	/** The package mapped onto the directive, or refused naming what does not fit. */
	private Preview map(CurrentUser user, Issuer issuer, EdXmlPackage p) {
		if (issuer.agencyCode() == null || !issuer.agencyCode().equals(p.from().organId())) {
			throw new EdXmlRefused("interop.import.otherIssuer", p.from().organId(),
					(issuer.agencyCode() != null) ? issuer.agencyCode() : "—");
		}
		int number;
		try {
			number = Integer.parseInt(p.codeNumber().strip());
		}
		catch (NumberFormatException ex) {
			number = 0;
		}
		if (number < 1) {
			throw new EdXmlRefused("interop.import.badNumber", p.codeNumber());
		}
		if (p.codeNotation().length() > 80) {
			throw new EdXmlRefused("edxml.valueTooLong", "CodeNotation", 80);
		}
		if (p.promulgationDate().isAfter(this.formats.today())) {
			throw new EdXmlRefused("interop.import.future", this.formats.date(p.promulgationDate()));
		}
		Optional<Long> existing = this.exchange.findNumbered(user, number, p.codeNotation(),
				p.promulgationDate().getYear());
		if (p.business().type() != EdXml.Business.NEW) {
			// A revocation or an amendment of a document: the portal does not recall or
			// amend
			// on a package's word; it names the document and leads to its page, where the
			// Department's leader does it.
			String reason = (p.business().reason() != null) ? p.business().reason() : "—";
			if (existing.isPresent()) {
				throw new Duplicate(existing.get(), "interop.import.follow." + p.business().type().name(),
						number + "/" + p.codeNotation(), reason);
			}
			throw new EdXmlRefused("interop.import.onlyNew", p.business().type().code);
		}
		if (existing.isPresent()) {
			throw new Duplicate(existing.get(), "interop.import.duplicate", number + "/" + p.codeNotation());
		}
		List<Recipient> matched = new ArrayList<>();
		List<EdXmlPackage.Organ> unmatched = new ArrayList<>();
		for (EdXmlPackage.Organ to : p.to()) {
			Optional<Recipient> unit = (to.organId() != null) ? this.exchange.recipientByAgencyCode(user, to.organId())
					: Optional.empty();
			if (unit.isPresent() && matched.stream().noneMatch((r) -> r.unitId() == unit.get().unitId())) {
				matched.add(unit.get());
			}
			else if (unit.isEmpty()) {
				unmatched.add(to);
			}
		}
		if (matched.isEmpty()) {
			throw new EdXmlRefused("interop.import.noRecipient");
		}
		Urgency urgency = Urgency.valueOf(EdXml.urgencyOf(p.priority()).orElse("NORMAL"));
		return new Preview(null, p, p.type(), number, urgency, matched, unmatched);
	}

	private <T> T withPackage(byte[] bytes, java.util.function.Function<EdXmlReader.Read, T> use) {
		Path folder;
		try {
			folder = Files.createTempDirectory("edxml-import");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return use.apply(EdXmlReader.read(new ByteArrayInputStream(bytes), this.budgets, folder));
		}
		finally {
			FileSystemUtils.deleteRecursively(folder.toFile());
		}
	}

	private byte[] read(InputStream content, long size) {
		if (content == null || size == 0) {
			throw new EdXmlRefused("interop.import.empty");
		}
		if (size > this.budgets.packageBytes()) {
			throw new EdXmlRefused("edxml.tooLarge", this.budgets.packageBytes() / (1024 * 1024));
		}
		try {
			byte[] bytes = content.readNBytes((int) this.budgets.packageBytes() + 1);
			if (bytes.length > this.budgets.packageBytes()) {
				throw new EdXmlRefused("edxml.tooLarge", this.budgets.packageBytes() / (1024 * 1024));
			}
			if (bytes.length == 0) {
				throw new EdXmlRefused("interop.import.empty");
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A package mapped onto a directive, waiting for confirmation.
	 *
	 * @param token the key of the waiting package
	 * @param edxml the package
	 * @param type its document type
	 * @param number its number
	 * @param urgency its urgency
	 * @param matched the recipients found by identifier code
	 * @param unmatched the recipients whose code matches no unit of the Department
	 */
	record Preview(UUID token, EdXmlPackage edxml, EdXml.DocumentType type, int number, Urgency urgency,
			List<Recipient> matched, List<EdXmlPackage.Organ> unmatched) {

		Preview withToken(UUID newToken) {
			return new Preview(newToken, this.edxml, this.type, this.number, this.urgency, this.matched,
					this.unmatched);
		}

		public String numberAndSymbol() {
			return String.format("%02d/%s", this.number, this.edxml.codeNotation());
		}

	}

	/** A package whose document the portal already holds. */
	static class Duplicate extends EdXmlRefused {

		private final long directiveId;

		Duplicate(long directiveId, String messageKey, Object... arguments) {
			super(messageKey, arguments);
			this.directiveId = directiveId;
		}

		long directiveId() {
			return this.directiveId;
		}

	}

}
