package vn.edu.portal.audit;

/**
 * Implemented by the signed-in principal so that the audit trail can record the actor's
 * unit without knowing the account module.
 */
public interface AuditActor {

	String getUsername();

	Long unitId();

}
