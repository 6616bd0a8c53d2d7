package vn.edu.portal.organisation;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 comma-separated text (quoted fields, doubled quotes, line breaks inside
 * quotes, CRLF or LF) and skips a leading byte-order mark.
 */
final class CsvReader {

	private CsvReader() {
	}

	static List<List<String>> read(Reader reader) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean first = true;
		int c;
		while ((c = reader.read()) != -1) {
			if (first) {
				first = false;
				if (c == '\uFEFF') {
					continue;
				}
			}
			if (quoted) {
				if (c == '"') {
					reader.mark(1);
					int next = reader.read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						if (next != -1) {
							reader.reset();
						}
					}
				}
				else {
					field.append((char) c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else if (c != '\r') {
				field.append((char) c);
			}
		}
		if (!field.isEmpty() || !row.isEmpty()) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}

}
