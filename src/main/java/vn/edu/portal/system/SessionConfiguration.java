package vn.edu.portal.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** The HTTP sessions, kept in PostgreSQL so that any instance serves any request. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * Writes a session's attributes with an upsert. Two requests of one session at once
	 * (a double tap) each add the same new attribute, such as the flash message; with
	 * plain inserts the second collided with the first on the attribute's primary key and
	 * its user saw an error page.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
