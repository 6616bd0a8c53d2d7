package vn.edu.portal.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A step of the workflow: who took it, when, from which status to which, and why.
 *
 * @param takenAt when
 * @param actorId who
 * @param fromStatus the status before; {@code null} for the first step
 * @param toStatus the status after (the same for a change within a status)
 * @param note the reason, question, agency or resolution given
 */
@Embeddable
public record IncidentStep(@Column(name = "taken_at") Instant takenAt, @Column(name = "actor_id") long actorId,
		@Enumerated(EnumType.STRING) @Column(name = "from_status") IncidentStatus fromStatus,
		@Enumerated(EnumType.STRING) @Column(name = "to_status") IncidentStatus toStatus,
		@Column(name = "note") String note) {

}
