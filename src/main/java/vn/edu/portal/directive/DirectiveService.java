package vn.edu.portal.directive;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.system.FileStore;
import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.UnitSelection;
import vn.edu.portal.audit.AuditLog;
import vn.edu.portal.calendar.WorkingDays;
import vn.edu.portal.directive.DirectiveHistory.Step;
import vn.edu.portal.system.Formats;

/**
 * The lifecycle of directives: department officers draft and submit, department leaders
 * return or publish, amend and recall. Every step checks role and scope through the scope
 * policy, is written to the directive's history and the audit trail, and keeps its own
 * state rules on the entity.
 */
@Service
class DirectiveService {

	static final String AUDIT_TYPE = "DIRECTIVE";

	/** The largest number a register gives: far more than any agency issues in a year. */
	static final int MAX_NUMBER = 99_999;

	private final DirectiveRepository directives;

	private final DirectiveAccess access;

	private final ScopePolicy scope;

	private final UnitSelection selection;

	private final NumberRegister register;

	private final DirectiveHistory history;

	private final DirectiveVersions versions;

	private final DirectiveAttachments attachments;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Formats formats;

	private final WorkingDays workingDays;

	DirectiveService(DirectiveRepository directives, DirectiveAccess access, ScopePolicy scope, UnitSelection selection,
			NumberRegister register, DirectiveHistory history, DirectiveVersions versions,
			DirectiveAttachments attachments, AuditLog audit, ApplicationEventPublisher events, JdbcClient jdbc,
			Clock clock, Formats formats, WorkingDays workingDays) {
		this.workingDays = workingDays;
		this.directives = directives;
		this.access = access;
		this.scope = scope;
		this.selection = selection;
		this.register = register;
		this.history = history;
		this.versions = versions;
		this.attachments = attachments;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.formats = formats;
	}

	/** A directive the account may see, or 404. */
	@Transactional(readOnly = true)
	Directive get(CurrentUser user, long id) {
		this.access.checkVisible(user, id);
		Directive directive = this.directives.findById(id).orElseThrow(() -> new DirectiveNotFoundException(id));
		directive.content();
		return directive;
	}

	/**
	 * The issuing unit of the account's drafts: its Department. Refused (403) unless it
	 * may draft there.
	 */
	long issuerFor(CurrentUser user) {
		Long department = this.scope.scopeOf(user).rootUnitId();
		if (department == null || user.unitId() == null) {
			throw new AccessDeniedException("no department to draft for");
		}
		this.scope.check(user, Permission.DRAFT_DIRECTIVES, department);
		return department;
	}

	@Transactional
	Directive create(CurrentUser user, DirectiveContent content) {
		return create(user, content, null);
	}

	/**
	 * A new draft; the draft this user already made from the same form if there is one (a
	 * form sent twice at once makes one draft: the second request's insert collides on
	 * the key, and {@link #madeFrom} then finds the first's draft).
	 */
	@Transactional
	Directive create(CurrentUser user, DirectiveContent content, UUID formKey) {
		long issuer = issuerFor(user);
		Optional<Directive> made = madeFrom(user, formKey);
		if (made.isPresent()) {
			return made.get();
		}
		checkReferences(issuer, content);
		checkRecipients(user, content);
		Instant now = this.clock.instant();
		Directive directive = this.directives
			.saveAndFlush(new Directive(issuer, user.unitId(), user.id(), content, now, formKey));
		this.history.record(directive.getId(), Step.CREATED, user, now, null);
		this.audit.record("DIRECTIVE_CREATED", AUDIT_TYPE, directive.getId(), Map.of("subject", content.subject()));
		return directive;
	}

	/** The draft this user made from the form of that key, if any. */
	@Transactional(readOnly = true)
	Optional<Directive> madeFrom(CurrentUser user, UUID formKey) {
		return (formKey != null)
				? this.directives.findByFormKey(formKey).filter((directive) -> directive.getCreatedBy() == user.id())
				: Optional.empty();
	}

	@Transactional
	Directive edit(CurrentUser user, long id, long version, DirectiveContent content) {
		Directive directive = forChange(user, id, version, Permission.DRAFT_DIRECTIVES);
		refuseUnless(directive.getStatus() == DirectiveStatus.DRAFT, "directive.refused.notDraft");
		checkReferences(directive.getIssuerUnitId(), content);
		checkRecipients(user, content);
		Instant now = this.clock.instant();
		directive.edit(content, now);
		this.history.record(id, Step.EDITED, user, now, null);
		this.audit.record("DIRECTIVE_EDITED", AUDIT_TYPE, id, Map.of("subject", content.subject()));
		return directive;
	}

	@Transactional
	void submit(CurrentUser user, long id, long version) {
		Directive directive = forChange(user, id, version, Permission.DRAFT_DIRECTIVES);
		refuseUnless(directive.getStatus() == DirectiveStatus.DRAFT, "directive.refused.notDraft");
		Instant now = this.clock.instant();
		directive.submit(now);
		this.history.record(id, Step.SUBMITTED, user, now, null);
		this.audit.record("DIRECTIVE_SUBMITTED", AUDIT_TYPE, id, Map.of());
	}

	@Transactional
	void returnToDrafter(CurrentUser user, long id, long version, String comment) {
		Directive directive = forChange(user, id, version, Permission.PUBLISH_DIRECTIVES);
		refuseUnless(directive.getStatus() == DirectiveStatus.PENDING_APPROVAL, "directive.refused.notPending");
		Instant now = this.clock.instant();
		directive.returnToDrafter(comment, now);
		this.history.record(id, Step.RETURNED, user, now, comment);
		this.audit.record("DIRECTIVE_RETURNED", AUDIT_TYPE, id, Map.of("comment", comment));
	}

	/**
	 * Approves and publishes: takes the next number of the issuer's register for the year
	 * of the signing day, resolves the recipients to the units of that day, records them
	 * and tells the delivery, all in one transaction.
	 */
	@Transactional
	Directive publish(CurrentUser user, long id, long version, LocalDate signedOn) {
		Directive directive = forChange(user, id, version, Permission.PUBLISH_DIRECTIVES);
		refuseUnless(directive.getStatus() == DirectiveStatus.PENDING_APPROVAL, "directive.refused.notPending");
		if (signedOn.isAfter(this.formats.today())) {
			throw new DirectiveRefused("signedOn", "directive.publish.future");
		}
		List<DirectivePublished.Recipient> recipients = resolveRecipients(user, directive.content());
		if (recipients.isEmpty() && !addressedOutside(directive.content())) {
			throw new DirectiveRefused("signedOn", "directive.publish.noRecipients");
		}
		int number = this.register.next(directive.getIssuerUnitId(), signedOn.getYear());
		LocalDate lastIssued = lastIssuedOn(directive.getIssuerUnitId(), signedOn.getYear());
		if (lastIssued != null && signedOn.isBefore(lastIssued)) {
			// Rolls back, giving the number back: the register keeps issue order.
			throw new DirectiveRefused("signedOn", "directive.publish.beforeLast");
		}
		Instant now = this.clock.instant();
		// Recipients receive it now, whatever the signing day: they acknowledge by the
		// next working day.
		directive.publish(number, signedOn, this.workingDays.nextWorkingDay(this.formats.today()), user.id(), now);
		deliver(user, directive, recipients, now);
		return directive;
	}

	/**
	 * Issues a directive registered in another document system (imported): a new draft of
	 * the user's Department with the number and symbol that register gave, delivered like
	 * any other; the portal's register is not used.
	 */
	@Transactional
	Directive issueRegisteredElsewhere(CurrentUser user, DirectiveContent content, int number, String symbol,
			LocalDate signedOn, String documentId) {
		long issuer = issuerFor(user);
		if (signedOn.isAfter(this.formats.today())) {
			throw new DirectiveRefused("signedOn", "directive.publish.future");
		}
		checkRecipients(user, content);
		List<DirectivePublished.Recipient> recipients = resolveRecipients(user, content);
		if (recipients.isEmpty()) {
			throw new DirectiveRefused("signedOn", "directive.publish.noRecipients");
		}
		Instant now = this.clock.instant();
		Directive directive = this.directives
			.saveAndFlush(new Directive(issuer, user.unitId(), user.id(), content, now, null));
		this.history.record(directive.getId(), Step.CREATED, user, now, null);
		directive.issueRegisteredElsewhere(number, symbol, signedOn,
				this.workingDays.nextWorkingDay(this.formats.today()), documentId, user.id(), now);
		deliver(user, directive, recipients, now);
		return directive;
	}

	/** Records the issue of a numbered directive and hands it to its recipients. */
	private void deliver(CurrentUser user, Directive directive, List<DirectivePublished.Recipient> recipients,
			Instant now) {
		long id = directive.getId();
		this.directives.flush();
		this.jdbc.sql("""
				insert into directive_recipient (directive_id, unit_id, role)
				select :id, unit_id, role from unnest(:units, :roles) as r(unit_id, role)
				""")
			.param("id", id)
			.param("units", recipients.stream().map(DirectivePublished.Recipient::unitId).toArray(Long[]::new))
			.param("roles", recipients.stream().map((recipient) -> recipient.role().name()).toArray(String[]::new))
			.update();
		this.versions.keep(directive, null, user, now);
		this.history.record(id, Step.PUBLISHED, user, now, directive.numberAndSymbol());
		this.audit.record("DIRECTIVE_PUBLISHED", AUDIT_TYPE, id,
				Map.of("number", directive.numberAndSymbol(), "recipients", recipients.size()));
		DirectiveContent content = directive.content();
		this.events.publishEvent(new DirectivePublished(id, directive.getIssuerUnitId(), directive.numberAndSymbol(),
				content.subject(), content.urgency(), now, directive.getAcknowledgeBy(), content.reportDue(),
				content.forwardingRequired(), recipients));
	}

	@Transactional
	void amend(CurrentUser user, long id, long version, DirectiveContent content, String changeNote) {
		Directive directive = forChange(user, id, version, Permission.PUBLISH_DIRECTIVES);
		refuseUnless(directive.getStatus() == DirectiveStatus.PUBLISHED, "directive.refused.notPublished");
		if (changeNote == null || changeNote.isBlank()) {
			throw new DirectiveRefused("changeNote", "directive.changeNote.required");
		}
		checkReferences(directive.getIssuerUnitId(), content);
		checkRecipients(user, content);
		Instant now = this.clock.instant();
		directive.amend(content, now);
		this.directives.flush();
		this.versions.keep(directive, changeNote, user, now);
		this.history.record(id, Step.AMENDED, user, now, changeNote);
		this.audit.record("DIRECTIVE_AMENDED", AUDIT_TYPE, id,
				Map.of("amendment", directive.getAmendment(), "changeNote", changeNote));
		this.events.publishEvent(
				new DirectiveAmended(id, directive.getAmendment(), changeNote, now, directive.content().reportDue()));
	}

	@Transactional
	void recall(CurrentUser user, long id, long version, String reason) {
		Directive directive = forChange(user, id, version, Permission.PUBLISH_DIRECTIVES);
		refuseUnless(directive.getStatus() == DirectiveStatus.PUBLISHED, "directive.refused.notPublished");
		Instant now = this.clock.instant();
		directive.recall(reason, now);
		this.history.record(id, Step.RECALLED, user, now, reason);
		this.audit.record("DIRECTIVE_RECALLED", AUDIT_TYPE, id, Map.of("reason", reason));
		this.events.publishEvent(new DirectiveRecalled(id, reason, now));
	}

	/**
	 * A directive whose form the account may open: a draft for its drafters, a published
	 * directive (to amend) for its leaders. Refused (403) to other roles; refused with a
	 * reason in any other state.
	 */
	@Transactional(readOnly = true)
	Directive forEditing(CurrentUser user, long id) {
		Directive directive = get(user, id);
		Permission needed = switch (directive.getStatus()) {
			case DRAFT -> Permission.DRAFT_DIRECTIVES;
			case PUBLISHED -> Permission.PUBLISH_DIRECTIVES;
			default -> throw new DirectiveRefused(null, "directive.refused.notEditable");
		};
		refuseWithout(user, needed);
		this.scope.check(user, needed, directive.getIssuerUnitId());
		return directive;
	}

	/**
	 * Saves the form of a directive: edits a draft, or amends a published directive with
	 * its change note.
	 * @return whether it was an amendment
	 */
	@Transactional
	boolean save(CurrentUser user, long id, long version, DirectiveContent content, String changeNote) {
		if (forEditing(user, id).getStatus() == DirectiveStatus.PUBLISHED) {
			amend(user, id, version, content, (changeNote != null) ? changeNote.strip() : null);
			return true;
		}
		edit(user, id, version, content);
		return false;
	}

	/** Deletes a draft; a submitted or published directive is never deleted. */
	@Transactional
	void delete(CurrentUser user, long id, long version) {
		Directive directive = forChange(user, id, version, Permission.DRAFT_DIRECTIVES);
		refuseUnless(directive.isDeletable(), "directive.refused.notDraft");
		this.audit.record("DIRECTIVE_DELETED", AUDIT_TYPE, id, Map.of("subject", directive.content().subject()));
		this.attachments.removeAll(id);
		this.directives.delete(directive);
	}

	/**
	 * Adds a file: drafters to a draft, leaders to a published directive (the signed copy
	 * once it is signed).
	 */
	@Transactional
	FileStore.StoredFile attach(CurrentUser user, long id, DirectiveAttachments.Kind kind, String originalName,
			java.nio.file.Path file) {
		Directive directive = forAttachment(user, id);
		FileStore.StoredFile attachment = this.attachments.add(id, kind, originalName, file, user.id());
		this.history.record(id, Step.ATTACHED, user, this.clock.instant(), attachment.fileName());
		this.audit.record("DIRECTIVE_ATTACHED", AUDIT_TYPE, directive.getId(),
				Map.of("file", attachment.fileName(), "sha256", attachment.sha256()));
		return attachment;
	}

	@Transactional
	void detach(CurrentUser user, long id, long attachmentId) {
		forAttachment(user, id);
		FileStore.StoredFile attachment = this.attachments.find(id, attachmentId)
			.orElseThrow(() -> new DirectiveNotFoundException(id));
		this.attachments.remove(id, attachmentId);
		this.history.record(id, Step.DETACHED, user, this.clock.instant(), attachment.fileName());
		this.audit.record("DIRECTIVE_DETACHED", AUDIT_TYPE, id, Map.of("file", attachment.fileName()));
	}

	private Directive forAttachment(CurrentUser user, long id) {
		this.access.checkVisible(user, id);
		Directive directive = this.directives.findById(id).orElseThrow(() -> new DirectiveNotFoundException(id));
		if (directive.getStatus() == DirectiveStatus.DRAFT) {
			refuseWithout(user, Permission.DRAFT_DIRECTIVES);
			this.scope.check(user, Permission.DRAFT_DIRECTIVES, directive.getIssuerUnitId());
		}
		else if (directive.getStatus() == DirectiveStatus.PUBLISHED) {
			refuseWithout(user, Permission.PUBLISH_DIRECTIVES);
			this.scope.check(user, Permission.PUBLISH_DIRECTIVES, directive.getIssuerUnitId());
		}
		else {
			throw new DirectiveRefused("file", "directive.attachment.closed");
		}
		return directive;
	}

	/**
	 * Continues the issuer's register after the numbers used outside the portal in a
	 * year.
	 */
	@Transactional
	boolean continueRegister(CurrentUser user, int year, int lastUsed) {
		Long department = this.scope.scopeOf(user).rootUnitId();
		if (department == null) {
			throw new AccessDeniedException("no department");
		}
		this.scope.check(user, Permission.PUBLISH_DIRECTIVES, department);
		if (lastUsed < 1 || lastUsed > MAX_NUMBER) {
			throw new DirectiveRefused("lastUsed", "register.continue.invalid");
		}
		boolean moved = this.register.continueAfter(department, year, lastUsed);
		if (moved) {
			this.audit.record("DIRECTIVE_REGISTER_CONTINUED", "DIRECTIVE_REGISTER", department + "/" + year,
					Map.of("lastUsed", lastUsed));
		}
		return moved;
	}

	private List<DirectivePublished.Recipient> resolveRecipients(CurrentUser user, DirectiveContent content) {
		Set<Long> implementers = new LinkedHashSet<>(
				this.selection.resolve(user, content.tokens(RecipientRole.IMPLEMENT)));
		List<DirectivePublished.Recipient> recipients = new ArrayList<>();
		implementers.forEach((unit) -> recipients.add(new DirectivePublished.Recipient(unit, RecipientRole.IMPLEMENT)));
		for (Long unit : this.selection.resolve(user, content.tokens(RecipientRole.INFORM))) {
			if (!implementers.contains(unit)) {
				recipients.add(new DirectivePublished.Recipient(unit, RecipientRole.INFORM));
			}
		}
		return recipients;
	}

	/**
	 * Whether a document goes only to bodies outside the portal, named in its "Kính gửi":
	 * a báo cáo to the Ministry or the Provincial People's Committee.
	 */
	private static boolean addressedOutside(DirectiveContent content) {
		return content.type() == DocumentType.BAO_CAO && content.recipients().isEmpty() && content.addressees() != null
				&& !content.addressees().isBlank();
	}

	/**
	 * A directive refers only to directives its issuer published: a drafter cannot reach
	 * another Department's directives through a reference.
	 */
	private void checkReferences(long issuer, DirectiveContent content) {
		Long[] ids = content.references()
			.stream()
			.map(DirectiveContent.Reference::referencedDirectiveId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toArray(Long[]::new);
		if (ids.length == 0) {
			return;
		}
		int found = this.jdbc.sql("""
				select count(*) from directive where id = any(?) and issuer_unit_id = ? and status = 'PUBLISHED'
				""").param(ids).param(issuer).query(Integer.class).single();
		if (found != ids.length) {
			throw new DirectiveRefused("references", "directive.reference.unknown");
		}
	}

	/**
	 * A directive is addressed only to units its drafter sees: a unit of another
	 * Department, which the unit search never offers, is refused rather than kept.
	 */
	private void checkRecipients(CurrentUser user, DirectiveContent content) {
		List<String> tokens = content.recipients().stream().map(DirectiveContent.RecipientChoice::token).toList();
		if (this.selection.describe(user, tokens).size() != tokens.size()) {
			throw new DirectiveRefused("implementers", "directive.recipients.invalid");
		}
	}

	private LocalDate lastIssuedOn(long issuer, int year) {
		return this.jdbc.sql("""
				select issued_on from directive where issuer_unit_id = ? and year = ? and issued_on is not null
				  and not registered_elsewhere
				order by issued_on desc limit 1
				""").param(issuer).param(year).query(LocalDate.class).optional().orElse(null);
	}

	private Directive forChange(CurrentUser user, long id, long version, Permission permission) {
		this.access.checkVisible(user, id);
		refuseWithout(user, permission);
		Directive directive = this.directives.findById(id).orElseThrow(() -> new DirectiveNotFoundException(id));
		this.scope.check(user, permission, directive.getIssuerUnitId());
		if (directive.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(Directive.class, id);
		}
		return directive;
	}

	/**
	 * A reader of the directive without the role for the step is refused (403); the scope
	 * check that follows answers 404 outside the issuer's Department.
	 */
	private void refuseWithout(CurrentUser user, Permission permission) {
		if (!this.scope.permits(user, permission)) {
			throw new AccessDeniedException("not permitted: " + permission);
		}
	}

	private static void refuseUnless(boolean allowed, String messageKey) {
		if (!allowed) {
			throw new DirectiveRefused(null, messageKey);
		}
	}

}
