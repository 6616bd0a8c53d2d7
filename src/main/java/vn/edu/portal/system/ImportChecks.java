package vn.edu.portal.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks every import shares, each adding an {@link ImportProblem} for the row's line
 * and column when the value is wrong.
 */
public final class ImportChecks {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern PHONE = Pattern.compile("^[0-9 +().-]*$");

	private final int line;

	private final Map<String, String> values;

	private final List<ImportProblem> problems;

	public ImportChecks(TabularFile.Row row, List<ImportProblem> problems) {
		this.line = row.line();
		this.values = row.values();
		this.problems = problems;
	}

	public String value(String column) {
		return this.values.getOrDefault(column, "");
	}

	/** The value, or {@code null} when the cell is empty. */
	public String optional(String column) {
		String value = value(column);
		return value.isEmpty() ? null : value;
	}

	public void problem(String column, String messageKey, Object... arguments) {
		this.problems.add(new ImportProblem(this.line, column, messageKey, arguments));
	}

	public void required(String column, int maxLength) {
		if (value(column).isEmpty()) {
			problem(column, "import.required");
		}
		else {
			maxLength(column, maxLength);
		}
	}

	public void maxLength(String column, int maxLength) {
		if (value(column).length() > maxLength) {
			problem(column, "import.tooLong", maxLength);
		}
	}

	public void email(String column) {
		String value = value(column);
		if (!value.isEmpty() && (!EMAIL.matcher(value).matches() || value.length() > 254)) {
			problem(column, "import.badEmail");
		}
	}

	public void phone(String column) {
		String value = value(column);
		if (!PHONE.matcher(value).matches() || value.length() > 30) {
			problem(column, "import.badPhone");
		}
	}

	/**
	 * A date as exported (ISO) or as people type it (dd/MM/yyyy); {@code null} when empty
	 * or wrong.
	 */
	public LocalDate date(String column) {
		String value = value(column);
		if (value.isEmpty()) {
			return null;
		}
		try {
			return value.contains("/") ? Formats.parseDayMonthYear(value) : LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problem(column, "import.badDate", value);
			return null;
		}
	}

	/**
	 * An enum constant named by the cell, in any case; {@code null} when empty or
	 * unknown.
	 */
	public <E extends Enum<E>> E enumValue(Class<E> type, String column, String unknownKey) {
		String value = value(column);
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problem(column, unknownKey, value);
			return null;
		}
	}

	public int line() {
		return this.line;
	}

}
