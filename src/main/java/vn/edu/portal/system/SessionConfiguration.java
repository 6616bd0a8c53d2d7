package vn.edu.portal.system;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.servlet.Filter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The HTTP sessions, kept in PostgreSQL so that any instance serves any request, at the
 * cost of one statement on most requests ({@link PortalSessionRepository}).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionConfiguration {

	/**
	 * Writes a session's attributes with an upsert. Two requests of one session at once
	 * (a double tap) each add the same new attribute, such as the flash message; with
	 * plain inserts the second collided with the first on the attribute's primary key and
	 * its user saw an error page.
	 */
	private static PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * Spring Session JDBC's repository underneath, built here because Spring Boot's own
	 * configuration of it steps back before any other session repository. It runs its
	 * statements as they come (a read is a single statement);
	 * {@link PortalSessionRepository} puts its writes in a transaction.
	 */
	@Bean
	PortalSessionRepository portalSessionRepository(DataSource dataSource,
			PlatformTransactionManager transactionManager, ResourceLoader resourceLoader,
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		JdbcIndexedSessionRepository jdbc = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				TransactionOperations.withoutTransaction());
		jdbc.setDefaultMaxInactiveInterval(timeout);
		GenericConversionService conversion = new GenericConversionService();
		conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversion.addConverter(byte[].class, Object.class,
				new SessionAttributeReader(resourceLoader.getClassLoader()));
		jdbc.setConversionService(conversion);
		upsertSessionAttributes().customize(jdbc);
		TransactionTemplate writes = new TransactionTemplate(transactionManager);
		writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new PortalSessionRepository(jdbc, writes);
	}

	/** Around Spring Session's filter: the repository forgets the request's session. */
	@Bean
	FilterRegistrationBean<Filter> sessionRequestEnd(PortalSessionRepository sessions) {
		Filter filter = (request, response, chain) -> {
			try {
				chain.doFilter(request, response);
			}
			finally {
				sessions.endOfRequest();
			}
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("sessionRequestEnd");
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

}
