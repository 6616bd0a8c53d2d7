/**
 * What an operator watches: the business figures of {@code /actuator/prometheus}, read
 * from the database (the same on every instance).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package vn.edu.portal.operations;
