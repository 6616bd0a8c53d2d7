/**
 * Notifications and reminders: the other modules' events turned into in-app messages and
 * e-mails (through an outbox, so nothing is lost when mail is down), deadline reminders
 * and escalation up the tree, daily digests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package vn.edu.portal.notification;
