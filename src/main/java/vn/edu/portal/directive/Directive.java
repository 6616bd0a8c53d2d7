package vn.edu.portal.directive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.util.Assert;

/**
 * A directive: drafted and edited while a draft, submitted, then returned or published
 * with the next number of its issuer's register; once published it is amended or
 * recalled, never deleted or renumbered.
 */
@Entity
@Table(name = "directive")
class Directive {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private DirectiveStatus status;

	private long issuerUnitId;

	private long draftingUnitId;

	private long createdBy;

	/** The key of the form the draft was first saved from, if any. */
	private UUID formKey;

	@Enumerated(EnumType.STRING)
	private DocumentType type;

	private String authorityLine;

	private String issuerName;

	private String issuerAbbreviation;

	private String draftingAbbreviation;

	private String symbol;

	private Integer number;

	private Integer year;

	private LocalDate issuedOn;

	private String place;

	private String subject;

	private String opening;

	private String closing;

	@Enumerated(EnumType.STRING)
	private Urgency urgency;

	@Enumerated(EnumType.STRING)
	private SignerPrefix signerPrefix;

	private String signerFor;

	private String signerPosition;

	private String signerName;

	private String addressees;

	private String otherRecipients;

	private String archiveLine;

	private LocalDate acknowledgeBy;

	@Enumerated(EnumType.STRING)
	private ReportSchedule reportSchedule;

	private LocalDate reportDue;

	private LocalDate reportUntil;

	private String contactEmail;

	private String contactPhone;

	private boolean forwardingRequired;

	private String returnComment;

	private Instant submittedAt;

	private Instant publishedAt;

	private Long publishedBy;

	private Instant recalledAt;

	private String recallReason;

	private int amendment;

	/** Numbered by another system's register (imported), not by the portal's. */
	private boolean registeredElsewhere;

	private String sourceDocumentId;

	private Instant updatedAt;

	@ElementCollection
	@CollectionTable(name = "directive_task", joinColumns = @JoinColumn(name = "directive_id"))
	@OrderColumn(name = "position")
	private List<DirectiveContent.Task> tasks = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "directive_reference", joinColumns = @JoinColumn(name = "directive_id"))
	@OrderColumn(name = "position")
	private List<DirectiveContent.Reference> references = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "directive_recipient_choice", joinColumns = @JoinColumn(name = "directive_id"))
	@OrderColumn(name = "position")
	private List<DirectiveContent.RecipientChoice> recipients = new ArrayList<>();

	@Version
	private long version;

	protected Directive() {
	}

	Directive(long issuerUnitId, long draftingUnitId, long createdBy, DirectiveContent content, Instant at,
			UUID formKey) {
		this.status = DirectiveStatus.DRAFT;
		this.formKey = formKey;
		this.issuerUnitId = issuerUnitId;
		this.draftingUnitId = draftingUnitId;
		this.createdBy = createdBy;
		apply(content, at);
	}

	/** Changes a draft; a submitted or published directive is not edited in place. */
	void edit(DirectiveContent content, Instant at) {
		Assert.state(this.status == DirectiveStatus.DRAFT, "only a draft is edited");
		apply(content, at);
	}

	/** Sends the draft to a department leader for approval. */
	void submit(Instant at) {
		Assert.state(this.status == DirectiveStatus.DRAFT, "only a draft is submitted");
		this.status = DirectiveStatus.PENDING_APPROVAL;
		this.submittedAt = at;
		this.updatedAt = at;
	}

	/** A leader sends the draft back to its drafter with a comment. */
	void returnToDrafter(String comment, Instant at) {
		Assert.state(this.status == DirectiveStatus.PENDING_APPROVAL, "only a submitted draft is returned");
		Assert.hasText(comment, "a return needs a comment");
		this.status = DirectiveStatus.DRAFT;
		this.returnComment = comment;
		this.updatedAt = at;
	}

	/**
	 * Publishes with the number taken from the register of the issue year; the
	 * acknowledgement deadline defaults to the given day when the drafter left it open.
	 */
	void publish(int registerNumber, LocalDate on, LocalDate defaultAcknowledgeBy, long by, Instant at) {
		Assert.state(this.status == DirectiveStatus.PENDING_APPROVAL, "only an approved draft is published");
		Assert.isTrue(registerNumber > 0, "register numbers start at 1");
		this.status = DirectiveStatus.PUBLISHED;
		this.number = registerNumber;
		this.year = on.getYear();
		this.issuedOn = on;
		this.publishedAt = at;
		this.publishedBy = by;
		this.returnComment = null;
		if (this.acknowledgeBy == null) {
			this.acknowledgeBy = defaultAcknowledgeBy;
		}
		this.updatedAt = at;
	}

	/**
	 * Issues a draft brought in from another document system, with the number and symbol
	 * its register gave; the portal's register is not used.
	 */
	void issueRegisteredElsewhere(int outsideNumber, String outsideSymbol, LocalDate on, LocalDate defaultAcknowledgeBy,
			String documentId, long by, Instant at) {
		Assert.state(this.status == DirectiveStatus.DRAFT, "only a new draft is issued as registered elsewhere");
		Assert.isTrue(outsideNumber > 0, "register numbers start at 1");
		Assert.hasText(outsideSymbol, "a registered document has a symbol");
		this.status = DirectiveStatus.PUBLISHED;
		this.registeredElsewhere = true;
		this.sourceDocumentId = documentId;
		this.number = outsideNumber;
		this.symbol = outsideSymbol;
		this.year = on.getYear();
		this.issuedOn = on;
		this.publishedAt = at;
		this.publishedBy = by;
		if (this.acknowledgeBy == null) {
			this.acknowledgeBy = defaultAcknowledgeBy;
		}
		this.updatedAt = at;
	}

	/**
	 * A new version of a published directive. Its number, date, issuer and recipients
	 * stay: they are the register's and the recipients' record.
	 */
	void amend(DirectiveContent content, Instant at) {
		Assert.state(this.status == DirectiveStatus.PUBLISHED, "only a published directive is amended");
		DocumentType publishedType = this.type;
		String publishedIssuer = this.issuerAbbreviation;
		String publishedDrafting = this.draftingAbbreviation;
		String publishedSymbol = this.symbol;
		List<DirectiveContent.RecipientChoice> publishedRecipients = List.copyOf(this.recipients);
		LocalDate publishedAcknowledgeBy = this.acknowledgeBy;
		apply(content, at);
		this.type = publishedType;
		this.issuerAbbreviation = publishedIssuer;
		this.draftingAbbreviation = publishedDrafting;
		this.symbol = this.registeredElsewhere ? publishedSymbol
				: Decree30.symbol(publishedType, publishedIssuer, publishedDrafting);
		this.recipients.clear();
		this.recipients.addAll(publishedRecipients);
		this.acknowledgeBy = publishedAcknowledgeBy;
		this.amendment++;
	}

	/** Recalls a published directive: it stays in the register, marked. */
	void recall(String reason, Instant at) {
		Assert.state(this.status == DirectiveStatus.PUBLISHED, "only a published directive is recalled");
		Assert.hasText(reason, "a recall needs a reason");
		this.status = DirectiveStatus.RECALLED;
		this.recallReason = reason;
		this.recalledAt = at;
		this.updatedAt = at;
	}

	boolean isDeletable() {
		return this.status == DirectiveStatus.DRAFT;
	}

	private void apply(DirectiveContent content, Instant at) {
		this.type = content.type();
		this.authorityLine = content.authorityLine();
		this.issuerName = content.issuerName();
		this.issuerAbbreviation = content.issuerAbbreviation();
		this.draftingAbbreviation = content.draftingAbbreviation();
		this.symbol = content.symbol();
		this.place = content.place();
		this.subject = content.subject();
		this.opening = content.opening();
		this.closing = content.closing();
		this.urgency = content.urgency();
		this.signerPrefix = content.signerPrefix();
		this.signerFor = content.signerFor();
		this.signerPosition = content.signerPosition();
		this.signerName = content.signerName();
		this.addressees = content.addressees();
		this.otherRecipients = content.otherRecipients();
		this.archiveLine = content.archiveLine();
		this.acknowledgeBy = content.acknowledgeBy();
		this.reportSchedule = content.reportSchedule();
		this.reportDue = content.reportDue();
		this.reportUntil = content.reportUntil();
		this.contactEmail = content.contactEmail();
		this.contactPhone = content.contactPhone();
		this.forwardingRequired = content.forwardingRequired();
		this.tasks.clear();
		this.tasks.addAll(content.tasks());
		this.references.clear();
		this.references.addAll(content.references());
		this.recipients.clear();
		this.recipients.addAll(content.recipients());
		this.updatedAt = at;
	}

	DirectiveContent content() {
		return new DirectiveContent(this.type, this.authorityLine, this.issuerName, this.issuerAbbreviation,
				this.draftingAbbreviation, this.place, this.subject, this.opening, this.tasks, this.closing,
				this.urgency, this.references, this.signerPrefix, this.signerFor, this.signerPosition, this.signerName,
				this.recipients, this.addressees, this.otherRecipients, this.archiveLine, this.acknowledgeBy,
				this.reportSchedule, this.reportDue, this.reportUntil, this.contactEmail, this.contactPhone,
				this.forwardingRequired);
	}

	public Long getId() {
		return this.id;
	}

	public DirectiveStatus getStatus() {
		return this.status;
	}

	public long getIssuerUnitId() {
		return this.issuerUnitId;
	}

	public long getDraftingUnitId() {
		return this.draftingUnitId;
	}

	public long getCreatedBy() {
		return this.createdBy;
	}

	public boolean isRegisteredElsewhere() {
		return this.registeredElsewhere;
	}

	public String getSymbol() {
		return this.symbol;
	}

	public Integer getNumber() {
		return this.number;
	}

	public Integer getYear() {
		return this.year;
	}

	public LocalDate getIssuedOn() {
		return this.issuedOn;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public String getReturnComment() {
		return this.returnComment;
	}

	public String getRecallReason() {
		return this.recallReason;
	}

	public Instant getRecalledAt() {
		return this.recalledAt;
	}

	public int getAmendment() {
		return this.amendment;
	}

	public LocalDate getAcknowledgeBy() {
		return this.acknowledgeBy;
	}

	public long getVersion() {
		return this.version;
	}

	/** "340/SGD&ĐT-CTTT" once published, else {@code null}. */
	public String numberAndSymbol() {
		return (this.number != null) ? Decree30.numberAndSymbol(this.number, this.symbol) : null;
	}

}
