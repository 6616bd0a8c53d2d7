/**
 * The home page, "Việc cần làm": what needs the signed-in person, gathered from the
 * groups every module contributes ({@link vn.edu.portal.account.TodoGroup}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package vn.edu.portal.home;
