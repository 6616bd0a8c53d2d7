/**
 * Accounts, roles, login and its protections (lockout, throttling), the password policy
 * and the signed-in user.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package vn.edu.portal.account;
