/**
 * The working-day calendar: the holidays an administrator keeps per year, and the one
 * service that counts deadlines in working days.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package vn.edu.portal.calendar;
