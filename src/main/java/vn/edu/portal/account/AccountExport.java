package vn.edu.portal.account;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.edu.portal.system.StreamedRows;
import vn.edu.portal.system.TabularExport;

/**
 * Writes the accounts of a scope in the import's columns, streamed; never their
 * passwords.
 */
@Component
class AccountExport {

	private final StreamedRows rows;

	AccountExport(StreamedRows rows) {
		this.rows = rows;
	}

	void csv(UnitScope scope, OutputStream out) {
		write(scope, (rows) -> TabularExport.csv(out, AccountImport.COLUMNS, rows));
	}

	void xlsx(UnitScope scope, OutputStream out) {
		write(scope, (rows) -> TabularExport.xlsx(out, "accounts", AccountImport.COLUMNS, rows));
	}

	private void write(UnitScope scope, Consumer<Stream<List<String>>> writer) {
		this.rows.write("""
				select a.username, a.full_name, coalesce(a.email, ''), coalesce(a.phone, ''), coalesce(u.code, ''),
				       (select string_agg(r.role, ';' order by r.role) from account_role r where r.account_id = a.id)
				from account a left join unit u on u.id = a.unit_id
				where u.path like ? || '%' or (a.unit_id is null and ?)
				order by a.username
				""", (rs, i) -> Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6)), writer, scope.path(), scope.isEverything());
	}

}
