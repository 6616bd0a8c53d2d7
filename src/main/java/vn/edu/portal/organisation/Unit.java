package vn.edu.portal.organisation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.util.Assert;

/** An education unit: a node of the unit tree. */
@Entity
@Table(name = "unit")
class Unit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private String shortName;

	@Enumerated(EnumType.STRING)
	private UnitType type;

	@Enumerated(EnumType.STRING)
	private Ownership ownership;

	private Long parentId;

	private String email;

	private String phone;

	private LocalDate validFrom;

	private LocalDate validTo;

	private Long successorId;

	private String agencyCode;

	@Column(insertable = false, updatable = false)
	private String searchText;

	@Column(insertable = false, updatable = false)
	private String path;

	@Version
	private long version;

	protected Unit() {
	}

	Unit(UnitDetails details, Long parentId) {
		this.code = details.code();
		this.parentId = parentId;
		apply(details);
	}

	/**
	 * Changes what describes the unit; its code, place in the tree and history change
	 * elsewhere.
	 */
	void edit(UnitDetails details) {
		Assert.isTrue(this.code.equals(details.code()), "a unit's code does not change");
		apply(details);
	}

	private void apply(UnitDetails details) {
		this.name = details.name();
		this.shortName = details.shortName();
		this.type = details.type();
		this.ownership = details.ownership();
		this.email = details.email();
		this.phone = details.phone();
		this.validFrom = details.validFrom();
		this.agencyCode = details.agencyCode();
	}

	/** Moves the unit under another parent; the database refuses a cycle. */
	void moveUnder(Long newParentId) {
		Assert.isTrue(!Objects.equals(newParentId, this.id), "a unit cannot be its own parent");
		this.parentId = newParentId;
	}

	/**
	 * Closes the unit on a day, optionally naming the unit it merged into. Nothing is
	 * deleted: what was recorded for the unit stays, and current roll-ups follow the
	 * successor.
	 */
	void close(LocalDate on, Long successor) {
		Assert.state(this.validTo == null, "the unit is already closed");
		Assert.isTrue(!on.isBefore(this.validFrom), "a unit cannot close before it opened");
		Assert.isTrue(!Objects.equals(successor, this.id), "a unit cannot merge into itself");
		this.validTo = on;
		this.successorId = successor;
	}

	boolean isClosed() {
		return this.validTo != null;
	}

	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = details().snapshot();
		snapshot.put("parentId", this.parentId);
		snapshot.put("validTo", (this.validTo != null) ? this.validTo.toString() : null);
		snapshot.put("successorId", this.successorId);
		return snapshot;
	}

	UnitDetails details() {
		return new UnitDetails(this.code, this.name, this.shortName, this.type, this.ownership, this.email, this.phone,
				this.validFrom, this.agencyCode);
	}

	Long getId() {
		return this.id;
	}

	String getCode() {
		return this.code;
	}

	String getName() {
		return this.name;
	}

	String getShortName() {
		return this.shortName;
	}

	UnitType getType() {
		return this.type;
	}

	String getAgencyCode() {
		return this.agencyCode;
	}

	String getPath() {
		return this.path;
	}

	LocalDate getValidFrom() {
		return this.validFrom;
	}

	long getVersion() {
		return this.version;
	}

	Long getParentId() {
		return this.parentId;
	}

	LocalDate getValidTo() {
		return this.validTo;
	}

	Long getSuccessorId() {
		return this.successorId;
	}

	UnitRef toRef() {
		return new UnitRef(this.id, this.code, this.name, this.type);
	}

}
