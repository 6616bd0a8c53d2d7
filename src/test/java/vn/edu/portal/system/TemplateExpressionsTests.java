package vn.edu.portal.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

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

	@ParameterizedTest
	@ValueSource(strings = { "layout.html", "inbox/list.html", "directives/list.html", "incidents/list.html",
			"notifications/list.html", "dashboard/index.html", "dashboard/figures.html", "fragments/directive.html",
			"fragments/pagination.html" })
	void textIsJoinedByThymeleafNotBySpringEl(String template) throws IOException {
		String text = new ClassPathResource("templates/" + template).getContentAsString(StandardCharsets.UTF_8);
		Matcher joined = JOINED_IN_SPRING_EL.matcher(text);

		assertThat(joined.results().map((match) -> match.group()).toList()).as(template).isEqualTo(List.of());
	}

	@ParameterizedTest
	@ValueSource(strings = { "${'severity-' + r.severity}", "${r.incidents + ' · ' + r.name}" })
	void theCheckFindsAJoinInSpringEl(String expression) {
		assertThat(JOINED_IN_SPRING_EL.matcher("<p th:text=\"" + expression + "\"></p>").find()).isTrue();
	}

}
