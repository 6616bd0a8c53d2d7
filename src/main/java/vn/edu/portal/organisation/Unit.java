package vn.edu.portal.organisation;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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

	@Column(insertable = false, updatable = false)
	private String searchText;

	@Version
	private long version;

	protected Unit() {
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
