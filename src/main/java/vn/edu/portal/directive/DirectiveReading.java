package vn.edu.portal.directive;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.edu.portal.system.FileStore;
import vn.edu.portal.account.CurrentUser;
import vn.edu.portal.account.Permission;
import vn.edu.portal.account.ScopePolicy;
import vn.edu.portal.account.UnitSelection;
import vn.edu.portal.system.FileKind;
import vn.edu.portal.system.FileKinds;

/**
 * What the directive pages show: the detail with everything recorded about a directive,
 * its print form and its earlier versions, each in one read-only transaction and only for
 * a reader who may see it.
 */
@Service
@Transactional(readOnly = true)
class DirectiveReading {

	/** The recipients a directive's page lists unless all are asked for. */
	static final int FIRST_RECIPIENTS = 25;

	/** All of them: more units than any Department has. */
	static final int ALL_RECIPIENTS = 10_000;

	private final DirectiveService directives;

	private final DirectiveQueries queries;

	private final DirectiveHistory history;

	private final DirectiveVersions versions;

	private final DirectiveAttachments attachments;

	private final ScopePolicy scope;

	private final UnitSelection selection;

	private final DirectiveAccess access;

	DirectiveReading(DirectiveService directives, DirectiveQueries queries, DirectiveHistory history,
			DirectiveVersions versions, DirectiveAttachments attachments, ScopePolicy scope, UnitSelection selection,
			DirectiveAccess access) {
		this.selection = selection;
		this.access = access;
		this.directives = directives;
		this.queries = queries;
		this.history = history;
		this.versions = versions;
		this.attachments = attachments;
		this.scope = scope;
	}

	/**
	 * The directive's page, its recipients listed in full or only the first of them (a
	 * Department's directive goes to as many as 1,500 units, which a school opening it on
	 * a phone has no use for).
	 */
	Detail detail(CurrentUser user, long id, boolean allRecipients) {
		Directive directive = this.directives.get(user, id);
		DirectiveContent content = directive.content();
		List<Long> referencedIds = content.references()
			.stream()
			.map(DirectiveContent.Reference::referencedDirectiveId)
			.filter(java.util.Objects::nonNull)
			.toList();
		List<UnitSelection.Choice> implementers = directive.getNumber() != null ? List.of()
				: this.selection.describe(user, content.tokens(RecipientRole.IMPLEMENT));
		List<UnitSelection.Choice> informed = directive.getNumber() != null ? List.of()
				: this.selection.describe(user, content.tokens(RecipientRole.INFORM));
		return new Detail(directive, content, printed(directive),
				this.queries.recipients(id, allRecipients ? ALL_RECIPIENTS : FIRST_RECIPIENTS), implementers, informed,
				history(user, directive), this.versions.of(id), this.attachments.of(id),
				this.queries.referenced(referencedIds, directive.getIssuerUnitId()), actions(user, directive));
	}

	/**
	 * The directive's history: whole for the staff of its issuer, who draft and approve
	 * it; only what was issued for the units it went to.
	 */
	private List<DirectiveHistory.Entry> history(CurrentUser user, Directive directive) {
		List<DirectiveHistory.Entry> all = this.history.of(directive.getId());
		return this.access.isIssuerStaff(user, directive.getIssuerUnitId()) ? all
				: all.stream().filter((entry) -> DirectiveHistory.ISSUED.contains(entry.step())).toList();
	}

	/** The directive as it prints now. */
	Print print(CurrentUser user, long id) {
		Directive directive = this.directives.get(user, id);
		return Print.of(directive, printed(directive));
	}

	/**
	 * A draft as it would print today; an issued directive exactly as it was issued (its
	 * latest version), whatever happened to the units since.
	 */
	private PrintedDirective printed(Directive directive) {
		if (directive.getNumber() == null) {
			return this.versions.printed(directive);
		}
		return this.versions.find(directive.getId(), directive.getAmendment())
			.orElseThrow(() -> new IllegalStateException("an issued directive keeps every version"));
	}

	/** A version as it was issued: 0 as published, then one per amendment. */
	Print printVersion(CurrentUser user, long id, int amendment) {
		Directive directive = this.directives.get(user, id);
		return Print.of(directive,
				this.versions.find(id, amendment).orElseThrow(() -> new DirectiveNotFoundException(id)));
	}

	/** What the reader may do to the directive now. */
	private Actions actions(CurrentUser user, Directive directive) {
		boolean drafter = this.scope.permits(user, Permission.DRAFT_DIRECTIVES);
		boolean leader = this.scope.permits(user, Permission.PUBLISH_DIRECTIVES);
		DirectiveStatus status = directive.getStatus();
		return new Actions(drafter && status == DirectiveStatus.DRAFT,
				leader && status == DirectiveStatus.PENDING_APPROVAL, leader && status == DirectiveStatus.PUBLISHED,
				(drafter && status == DirectiveStatus.DRAFT) || (leader && status == DirectiveStatus.PUBLISHED));
	}

	/**
	 * Everything the detail page shows.
	 *
	 * @param directive the directive
	 * @param content what it says
	 * @param printed how it prints
	 * @param recipients the units it went to
	 * @param chosenImplementers before publication, the choices of units to implement
	 * @param chosenInformed before publication, the choices of units informed
	 * @param history its lifecycle
	 * @param versions its issued versions
	 * @param attachments its files
	 * @param referenced the directives of the portal it refers to
	 * @param actions what the reader may do
	 */
	record Detail(Directive directive, DirectiveContent content, PrintedDirective printed,
			DirectiveQueries.Recipients recipients, List<UnitSelection.Choice> chosenImplementers,
			List<UnitSelection.Choice> chosenInformed, List<DirectiveHistory.Entry> history,
			List<DirectiveVersions.Version> versions, List<FileStore.StoredFile> attachments,
			List<DirectiveQueries.Option> referenced, Actions actions) {
	}

	/**
	 * A directive to print.
	 *
	 * @param printed the version printed
	 * @param recalled whether the directive was recalled since
	 * @param fileName a file name for its PDF
	 */
	record Print(PrintedDirective printed, boolean recalled, String fileName) {

		static Print of(Directive directive, PrintedDirective printed) {
			String name = ((directive.getNumber() != null) ? directive.numberAndSymbol() + " " + directive.getYear()
					: "du-thao-" + directive.getId()) + ((printed.amendment() > 0) ? " v" + printed.amendment() : "");
			return new Print(printed, directive.getStatus() == DirectiveStatus.RECALLED,
					FileKinds.safeFileName(name, FileKind.PDF));
		}

	}

	/**
	 * What the reader may do.
	 *
	 * @param draft edit, submit or delete the draft
	 * @param approve publish or return the submitted draft
	 * @param manage amend or recall the published directive
	 * @param attach add or remove attachments
	 */
	record Actions(boolean draft, boolean approve, boolean manage, boolean attach) {
	}

}
