package vn.edu.portal.organisation;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.edu.portal.system.StreamedRows;
import vn.edu.portal.system.TabularExport;

/**
 * Writes the units of a scope in the import's columns, so that an export re-imports
 * unchanged, parents before their units, streamed from the database to the response.
 */
@Component
class UnitExport {

	private final StreamedRows rows;

	UnitExport(StreamedRows rows) {
		this.rows = rows;
	}

	void csv(String scopePath, OutputStream out) {
		write(scopePath, (rows) -> TabularExport.csv(out, UnitImport.EXPORT_COLUMNS, rows));
	}

	void xlsx(String scopePath, OutputStream out) {
		write(scopePath, (rows) -> TabularExport.xlsx(out, "units", UnitImport.EXPORT_COLUMNS, rows));
	}

	private void write(String scopePath, Consumer<Stream<List<String>>> writer) {
		this.rows.write("""
				select u.code, u.name, coalesce(u.short_name, ''), u.type, coalesce(p.code, ''),
				       coalesce(u.ownership, ''), coalesce(u.email, ''), coalesce(u.phone, ''),
				       to_char(u.valid_from, 'YYYY-MM-DD'), coalesce(u.agency_code, '')
				from unit u left join unit p on p.id = u.parent_id
				where u.path like ? || '%'
				order by length(u.path), u.path
				""", (rs, i) -> Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)),
				writer, scopePath);
	}

}
