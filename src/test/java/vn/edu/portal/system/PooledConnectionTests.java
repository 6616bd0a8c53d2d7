package vn.edu.portal.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** What every connection of the pool is set to before the portal uses it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PooledConnectionTests {

	@Autowired
	DataSource dataSource;

	@Test
	void noConnectionCompilesStatementsToMachineCode() throws SQLException {
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				held.add(this.dataSource.getConnection());
			}
			for (Connection connection : held) {
				try (Statement statement = connection.createStatement();
						ResultSet jit = statement.executeQuery("select current_setting('jit')")) {
					assertThat(jit.next()).isTrue();
					assertThat(jit.getString(1)).isEqualTo("off");
				}
			}
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
	}

}
