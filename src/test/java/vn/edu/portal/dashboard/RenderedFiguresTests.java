package vn.edu.portal.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures are rendered once and written into the page of every reader of
 * the same dashboard shown the same way ({@link RenderedFigures}), so their template may
 * read only what they are kept by: the dashboard kept, the period as asked, the order,
 * the language, settings and formats; nothing of the reader, the session or the request.
 */
class RenderedFiguresTests {

	/** What the figures are kept by, as the template names it. */
	private static final Set<String> KEPT_BY = Set.of("main", "children", "incidentsBy", "medians", "trend",
			"incidentMonths", "distribution", "pending", "pendingMore", "pendingCapped", "resembling", "requests",
			"choice", "unitId", "unitType", "directiveId", "sort", "properties", "#lists", "#strings", "@formats",
			"childRows", "pendingRows");

	private static final Pattern READ = Pattern.compile("[$*]\\{\\s*([#@]?[A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern DECLARED = Pattern
		.compile("th:each=\"\\s*(\\w+)(?:\\s*,\\s*(\\w+))?\\s*:|th:with=\"\\s*(\\w+)\\s*=");

	@Test
	void theFiguresReadOnlyWhatTheyAreKeptBy() throws IOException {
		String template = new ClassPathResource("templates/dashboard/figures.html")
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(unkept(template)).as("read by the figures, not part of what they are kept by").isEmpty();
		assertThat(template).doesNotContain("<form", "th:action", "sec:", "#request", "#session", "#authentication",
				"#authorization", "param.");
	}

	@Test
	void theCheckFindsWhatIsNotKept() {
		assertThat(unkept("""
				<tr th:each="f : ${children}"><td th:text="${f.name}"></td>
				<td th:text="${@navigation.current.fullName}"></td><td th:text="*{account}"></td></tr>
				""")).containsExactly("*account", "@navigation");
	}

	private static Set<String> unkept(String template) {
		Set<String> declared = new TreeSet<>();
		Matcher declaration = DECLARED.matcher(template);
		while (declaration.find()) {
			for (int group = 1; group <= 3; group++) {
				if (declaration.group(group) != null) {
					declared.add(declaration.group(group));
				}
			}
		}
		Set<String> unkept = new TreeSet<>();
		Matcher read = READ.matcher(template);
		while (read.find()) {
			String name = read.group(1);
			boolean selection = read.group().startsWith("*");
			if (selection || !(KEPT_BY.contains(name) || declared.contains(name))) {
				unkept.add(selection ? "*" + name : name);
			}
		}
		return unkept;
	}

}
