package vn.edu.portal.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean that PostgreSQL is out of reach (the 503 page), and which are the
 * request's own (the usual error page).
 */
class UnavailablePageTests {

	@Test
	void aRestartingServerOrAnEmptyPoolIsTheDatabaseOutOfReach() {
		// What PostgreSQL says to the connections it closes on a restart, under
		// Hibernate's wrapping.
		SQLException restart = new SQLException("terminating connection due to administrator command", "57P01");
		assertThat(UnavailablePage.databaseUnreachable(new JpaSystemException(new RuntimeException(restart)))).isTrue();
		assertThat(UnavailablePage.databaseUnreachable(new SQLException("the database system is starting up", "57P03")))
			.isTrue();
		assertThat(UnavailablePage.databaseUnreachable(new SQLException("Connection refused", "08001"))).isTrue();
		assertThat(UnavailablePage.databaseUnreachable(new CannotGetJdbcConnectionException("Failed to obtain",
				new SQLTransientConnectionException("Connection is not available, request timed out"))))
			.isTrue();
	}

	@Test
	void aFaultOfTheRequestOrOfTheCodeIsNot() {
		assertThat(UnavailablePage.databaseUnreachable(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(UnavailablePage.databaseUnreachable(new IllegalStateException("a bug"))).isFalse();
		assertThat(UnavailablePage
			.databaseUnreachable(new SQLException("canceling statement due to statement timeout", "57014")))
			.as("a slow statement is not an outage")
			.isFalse();
	}

}
