/**
 * Delivery of published directives to their recipient units: assignments,
 * acknowledgement, forwarding and implementation reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery")
package vn.edu.portal.delivery;
