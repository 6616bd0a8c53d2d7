/**
 * The compliance dashboard: per-unit figures of acknowledgement, reporting and incidents
 * across the unit tree, rolled up as the tree is today.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package vn.edu.portal.dashboard;
