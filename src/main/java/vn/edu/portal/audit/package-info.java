/**
 * The audit trail: an append-only record of who did or saw what, when and from where.
 * Every module records through {@link vn.edu.portal.audit.AuditLog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package vn.edu.portal.audit;
