package vn.edu.portal.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * People involved, counted by role and age band, never named.
 *
 * @param role who they are
 * @param ageBand how old
 * @param headCount how many
 */
@Embeddable
public record PersonInvolved(@Enumerated(EnumType.STRING) @Column(name = "role") PersonRole role,
		@Enumerated(EnumType.STRING) @Column(name = "age_band") AgeBand ageBand,
		@Column(name = "head_count") int headCount) {

}
