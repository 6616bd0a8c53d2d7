/**
 * Social-media incidents: reported by schools and offices from a phone, with evidence
 * kept safe, triaged by the Department under response-time targets, and the names of the
 * children involved protected.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package vn.edu.portal.incident;
