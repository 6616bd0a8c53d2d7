package vn.edu.portal.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates rendered most (the list pages, the dashboard and what they include) keep
 * their expressions compilable: text is joined by Thymeleaf
 * ({@code |severity-${r.severity}|}, {@code #{|incident.status.${r.status}|}}), not by
 * Spring EL's {@code +} over a status, a number or an id, which Spring EL cannot compile
 * and interprets on every render.
 */
class TemplateExpressionsTests {

	/** Inside {@code ${…}}: a quoted text joined with {@code +} to something else. */
	private static final Pattern JOINED_IN_SPRING_EL = Pattern.compile("\\$\\{[^}]*('\\s*\\+|\\+\\s*')[^}]*}");

	/** The start of a value that starts with a digit. */
	private static final String DIGIT_FIRST = "(?:@formats\\.|#numbers\\.|[\\w.]*[nN]umber(?:AndSymbol)?\\b)";

	/**
	 * A join in Thymeleaf whose first value is a date or time ({@code @formats}), a
	 * number ({@code #numbers}) or a number of a document, first of an expression and
	 * followed by {@code +}, or first of a {@code |…|} with more text after it.
	 */
	private static final Pattern JOIN_FROM_A_DIGIT = Pattern.compile(
			"(?:=\"|\\(|[?:])\\s*\\$\\{" + DIGIT_FIRST + "[^}]*}\\s*\\+|\\|\\$\\{" + DIGIT_FIRST + "[^}]*}[^|\"]+\\|");

	/** A {@code ${…}} expression, its inside as group 1. */
	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

	/**
	 * A name that is not a property, a method, a bean ({@code @…}) or a utility
	 * ({@code #…}).
	 */
	private static final Pattern NAME = Pattern.compile("(?<![\\w.@#$])([A-Za-z_]\\w*)");

	/** A name the template declares: {@code th:each="v : …"}, {@code th:with="v=…"}. */
	private static final Pattern DECLARED = Pattern.compile("th:(?:each|with)=\"\\s*(\\w+)\\s*[:=]");

	private static final List<String> LITERAL = List.of("and", "or", "not", "null", "true", "false", "eq", "ne", "lt",
			"gt", "le", "ge");

	@ParameterizedTest
	@ValueSource(strings = { "layout.html", "fragments/menu.html", "inbox/list.html", "directives/list.html",
			"incidents/list.html", "notifications/list.html", "dashboard/index.html", "dashboard/figures.html",
			"fragments/directive.html", "fragments/pagination.html", "incidents/row.html", "directives/row.html",
			"incidents/list-content.html", "directives/list-content.html", "dashboard/rows.html" })
	void textIsJoinedByThymeleafNotBySpringEl(String template) throws IOException {
		String text = new ClassPathResource("templates/" + template).getContentAsString(StandardCharsets.UTF_8);
		Matcher joined = JOINED_IN_SPRING_EL.matcher(text);

		assertThat(joined.results().map((match) -> match.group()).toList()).as(template).isEqualTo(List.of());
	}

	/**
	 * A part kept by {@link RenderedOnce} reads its record ({@code r}, and the names it
	 * declares itself) and beans alone: what it shows must come from the record that is
	 * its key, never from the page or the reader.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "incidents/row.html", "directives/row.html", "inbox/row.html", "fragments/choices.html",
			"dashboard/rows.html" })
	void aKeptRowReadsItsRowAlone(String template) throws IOException {
		String text = new ClassPathResource("templates/" + template).getContentAsString(StandardCharsets.UTF_8);

		assertThat(VARIABLE.matcher(text).results().count()).as("expressions in " + template).isPositive();
		assertThat(variablesOtherThan(text, "r")).as(template).isEqualTo(List.of());
	}

	/**
	 * A list's content kept whole reads its record ({@code p}) and the kept HTML of that
	 * record's rows and filter's selects ({@code rows}, {@code selects}), nothing else.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "incidents/list-content.html", "directives/list-content.html" })
	void aKeptListContentReadsItsRecordAlone(String template) throws IOException {
		String text = new ClassPathResource("templates/" + template).getContentAsString(StandardCharsets.UTF_8);

		assertThat(VARIABLE.matcher(text).results().count()).as("expressions in " + template).isGreaterThan(10);
		assertThat(variablesOtherThan(text, "p", "rows", "selects")).as(template).isEqualTo(List.of());
		assertThat(variablesOtherThan("<p th:if=\"${p.view == view}\"></p>", "p", "rows", "selects"))
			.containsExactly("view");
	}

	/**
	 * The menu bar, kept under the reader's menu, the menu's figures and the language
	 * links (account/MenuBar), reads those alone.
	 */
	@Test
	void theKeptMenuBarReadsWhatItIsKeptUnder() throws IOException {
		String text = new ClassPathResource("templates/fragments/menu.html").getContentAsString(StandardCharsets.UTF_8);

		assertThat(VARIABLE.matcher(text).results().count()).isGreaterThan(10);
		assertThat(variablesOtherThan(text, "nav", "inboxUnread", "notificationsUnread", "langVi", "langEn"))
			.isEqualTo(List.of());
	}

	@ParameterizedTest
	@ValueSource(strings = { "${view}", "${r.id == chosen}", "${#lists.isEmpty(rows)}", "${r.a and user.b}",
			"${v == r.chosen}" })
	void theCheckFindsAVariableOtherThanTheRow(String expression) {
		assertThat(variablesOtherThan("<p th:text=\"" + expression + "\"></p>", "r")).isNotEmpty();
	}

	/**
	 * The names read from the context in the {@code ${…}} expressions of a template,
	 * other than those allowed and those it declares.
	 */
	private static List<String> variablesOtherThan(String template, String... allowed) {
		List<String> declared = DECLARED.matcher(template).results().map((name) -> name.group(1)).toList();
		return VARIABLE.matcher(template)
			.results()
			.map((expression) -> expression.group(1).replaceAll("'[^']*'", "''"))
			.flatMap((expression) -> NAME.matcher(expression).results().map((name) -> name.group(1)))
			.filter((name) -> !LITERAL.contains(name) && !List.of(allowed).contains(name) && !declared.contains(name))
			.toList();
	}

	/**
	 * No Thymeleaf join ({@code +}, {@code |…|}) starts with a value that starts with a
	 * digit (a date, a time, a number, a directive's number): Thymeleaf first reads such
	 * a text as a number, and a text that is not one threw and caught an exception (its
	 * stack trace filled) for each row of the delivery tree, each option of the
	 * dashboard's directives. Such values are written inlined instead ({@code [[${…}]] ·
	 * [[${…}]]}).
	 */
	@Test
	void noJoinStartsWithAValueThatStartsWithADigit() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		assertThat(templates).hasSizeGreaterThan(40);
		List<String> found = new ArrayList<>();
		for (Resource template : templates) {
			Matcher join = JOIN_FROM_A_DIGIT.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			join.results().forEach((match) -> found.add(template.getFilename() + ": " + match.group()));
		}

		assertThat(found).isEqualTo(List.of());
	}

	@ParameterizedTest
	@ValueSource(strings = { "${@formats.dateTime(n.readAt)} + ' · ' + ${n.readBy}", "|${d.number} · ${d.subject}|",
			"${r.numberAndSymbol} + ' · '", "|${#numbers.formatInteger(h, 2)}:00|",
			"${@formats.date(a.due)} + (${x} ? ' · ' : '')" })
	void theCheckFindsAJoinFromADigit(String expression) {
		assertThat(JOIN_FROM_A_DIGIT.matcher("<p th:text=\"" + expression + "\"></p>").find()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${'severity-' + r.severity}", "${r.incidents + ' · ' + r.name}" })
	void theCheckFindsAJoinInSpringEl(String expression) {
		assertThat(JOINED_IN_SPRING_EL.matcher("<p th:text=\"" + expression + "\"></p>").find()).isTrue();
	}

}
