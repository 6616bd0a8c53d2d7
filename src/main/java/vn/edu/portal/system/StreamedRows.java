package vn.edu.portal.system;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows of a query handed to a writer as they come from PostgreSQL (a cursor in a
 * read-only transaction), so that an export of any size runs in flat memory.
 */
@Component
public class StreamedRows {

	private static final int FETCH_SIZE = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	StreamedRows(DataSource dataSource, TransactionTemplate transactions) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
		this.transactions = transactions;
	}

	public void write(String sql, RowMapper<List<String>> mapper, Consumer<Stream<List<String>>> writer,
			Object... arguments) {
		this.transactions.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			try (Stream<List<String>> rows = this.jdbc.queryForStream(sql, mapper, arguments)) {
				writer.accept(rows);
			}
		});
	}

}
