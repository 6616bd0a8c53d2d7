package vn.edu.portal.system;

/**
 * One thing wrong in an import file, shown to the user in their language.
 *
 * @param line the line in the file, as a spreadsheet numbers it (the header is line 1)
 * @param column the column's name, or empty for the whole row
 * @param messageKey the message that explains it
 * @param arguments the message's arguments
 */
public record ImportProblem(int line, String column, String messageKey, Object... arguments) {
}
