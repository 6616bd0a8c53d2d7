/**
 * What every feature stands on and that holds no business types: security and web
 * configuration, error pages, the layout's helpers, languages, dates and time zone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package vn.edu.portal.system;
