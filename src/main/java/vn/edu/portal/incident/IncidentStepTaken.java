package vn.edu.portal.incident;

/**
 * An incident moved through its workflow: submitted, accepted, sent back for information,
 * escalated, resolved, closed, reopened. Carries no names and no content: whoever is told
 * follows a link and sees what the scope rules allow.
 *
 * @param incidentId the incident
 * @param unitId the reporting unit
 * @param severity its severity, 1 to 4
 * @param status the status it reached
 * @param reviewerId its reviewer, once assigned
 * @param actorId who took the step
 */
public record IncidentStepTaken(long incidentId, long unitId, int severity, IncidentStatus status, Long reviewerId,
		long actorId) {

}
