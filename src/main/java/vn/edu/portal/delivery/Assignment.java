package vn.edu.portal.delivery;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

import org.springframework.util.Assert;

/**
 * What one unit was given to do with one directive: delivered, read (who first opened
 * it), acknowledged ("Đã tiếp nhận", on time or late), forwarded down the tree. Created
 * set-based at publication or forwarding; changed here, by the unit.
 */
@Entity
@Table(name = "assignment")
@DynamicUpdate
class Assignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long directiveId;

	private long unitId;

	private String role;

	private Long parentId;

	private Instant deliveredAt;

	private LocalDate acknowledgeBy;

	private Instant acknowledgeBefore;

	private LocalDate dueOn;

	private boolean forwardingRequired;

	private String instructions;

	private Instant readAt;

	private Long readBy;

	private Instant acknowledgedAt;

	private Long acknowledgedBy;

	private Boolean acknowledgedLate;

	private Instant forwardedAt;

	private Long forwardedBy;

	private Instant withdrawnAt;

	@Version
	private long version;

	protected Assignment() {
	}

	/**
	 * Confirms receipt; after the deadline it is allowed and marked late.
	 * @return {@code false} when it was acknowledged already (a second click changes
	 * nothing)
	 */
	boolean acknowledge(long by, Instant at, LocalDate today) {
		Assert.state(this.withdrawnAt == null, "a recalled directive is not acknowledged");
		if (this.acknowledgedAt != null) {
			return false;
		}
		this.acknowledgedAt = at;
		this.acknowledgedBy = by;
		this.acknowledgedLate = (this.acknowledgeBefore != null) ? at.isAfter(this.acknowledgeBefore)
				: this.acknowledgeBy != null && today.isAfter(this.acknowledgeBy);
		if (this.readAt == null) {
			this.readAt = at;
			this.readBy = by;
		}
		return true;
	}

	/**
	 * Records that the unit passed it on to units below it (it acknowledges, too).
	 * @return whether this acknowledged it
	 */
	boolean forwarded(long by, Instant at, LocalDate today) {
		Assert.state(this.withdrawnAt == null, "a recalled directive is not forwarded");
		boolean acknowledged = acknowledge(by, at, today);
		if (this.forwardedAt == null) {
			this.forwardedAt = at;
			this.forwardedBy = by;
		}
		return acknowledged;
	}

	boolean isWithdrawn() {
		return this.withdrawnAt != null;
	}

	Long getId() {
		return this.id;
	}

	long getDirectiveId() {
		return this.directiveId;
	}

	long getUnitId() {
		return this.unitId;
	}

	String getRole() {
		return this.role;
	}

	/** The moment a hỏa tốc directive is acknowledged by, or {@code null}. */
	Instant getAcknowledgeBefore() {
		return this.acknowledgeBefore;
	}

	LocalDate getDueOn() {
		return this.dueOn;
	}

}
