/**
 * Education units and the unit tree, with its history (validity dates, successor on
 * merge).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package vn.edu.portal.organisation;
