/**
 * The versioned JSON API ({@code /api/v1}) for the province's other systems and scripts,
 * authenticated by personal access tokens; errors as RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API")
package vn.edu.portal.api;
