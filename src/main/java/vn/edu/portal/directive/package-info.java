/**
 * Directives in the Decree 30 form: drafting, approval, numbering, publication, print
 * view.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directives")
package vn.edu.portal.directive;
