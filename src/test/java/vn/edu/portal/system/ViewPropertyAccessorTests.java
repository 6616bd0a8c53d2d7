package vn.edu.portal.system;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Templates read what a page shows through the accessor that keeps its readers, and are
 * refused what Thymeleaf refuses them, as before: rendered by a Spring template engine
 * set up as the portal's is, with the evaluation context a view gives each request.
 */
class ViewPropertyAccessorTests {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private ThymeleafEvaluationContext evaluation;

	private final Map<String, Object> variables = new HashMap<>();

	@BeforeEach
	void engine() {
		this.engine.setTemplateResolver(new StringTemplateResolver());
		this.engine.setEngineContextFactory(new ViewPropertyAccessor.EngineContexts());
		StaticApplicationContext application = new StaticApplicationContext();
		application.refresh();
		this.evaluation = new ThymeleafEvaluationContext(application, null);
		this.variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				this.evaluation);
	}

	@Test
	void readsRecordsAndBeansAndKeepsTheReaderForTheNextRead() {
		this.variables.put("rows", List.of(new Row("Công văn 340", true), new Row("Kế hoạch 05", false)));
		this.variables.put("bean", new Bean("Sở"));

		String page = render("<p th:each=\"r : ${rows}\" th:text=\"${r.subject + ' ' + r.urgent}\"></p>"
				+ "<i th:text=\"${bean.name}\"></i><b th:text=\"${bean.empty}\"></b>");

		assertThat(page).isEqualTo("<p>Công văn 340 true</p><p>Kế hoạch 05 false</p><i>Sở</i><b>false</b>");
		assertThat(this.evaluation.getPropertyAccessors()).contains(ViewPropertyAccessor.INSTANCE);
		assertThat(this.evaluation.getPropertyAccessors().indexOf(ViewPropertyAccessor.INSTANCE))
			.isEqualTo(this.evaluation.getPropertyAccessors().size() - 2);
	}

	@Test
	void theSameExpressionOverObjectsOfDifferentClassesReadsEach() {
		this.variables.put("items", List.of(new Row("một", true), new Bean("hai"), new Row("ba", false)));

		String page = render("<p th:each=\"i : ${items}\" th:text=\"${i.subject}\"></p>");

		assertThat(page).isEqualTo("<p>một</p><p>hai</p><p>ba</p>");
	}

	@Test
	void aMemberThymeleafForbidsStaysForbiddenTheFirstTimeAndEveryTime() {
		this.variables.put("file", new File("/etc/passwd"));
		this.variables.put("row", new Row("Công văn", false));

		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(TemplateProcessingException.class)
				.isThrownBy(() -> render("<p th:text=\"${file.name}\"></p>"))
				.havingRootCause()
				.withMessageContaining("forbidden");
			assertThat(render("<p th:text=\"${row.subject}\"></p>")).isEqualTo("<p>Công văn</p>");
		}
	}

	@Test
	void aPropertyThatDoesNotExistIsStillAnError() {
		this.variables.put("row", new Row("Công văn", false));

		assertThatExceptionOfType(TemplateProcessingException.class)
			.isThrownBy(() -> render("<p th:text=\"${row.missing}\"></p>"))
			.havingRootCause()
			.withMessageContaining("missing");
	}

	@Test
	void anExpressionCompiledForOneClassReadsItAndStillReadsOthersAndRefusesWhatThymeleafRefuses() {
		this.evaluation.setPropertyAccessors(accessorsOfAPage());
		SpelExpression expression = (SpelExpression) new SpelExpressionParser(
				new SpelParserConfiguration(SpelCompilerMode.MIXED, null))
			.parseExpression("item.name + ' · ' + item.subject");
		Map<String, Object> root = new HashMap<>();
		root.put("item", new Bean("Công văn 340"));

		assertThat(expression.getValue(this.evaluation, root)).isEqualTo("Công văn 340 · Công văn 340");
		assertThat(expression.compileExpression()).isTrue();
		assertThat(expression.getValue(this.evaluation, root)).isEqualTo("Công văn 340 · Công văn 340");

		root.put("item", new Named("Kế hoạch 05", "Sở"));
		assertThat(expression.getValue(this.evaluation, root)).isEqualTo("Sở · Kế hoạch 05");
		assertThat(expression.compileExpression()).isTrue();
		assertThat(expression.getValue(this.evaluation, root)).isEqualTo("Sở · Kế hoạch 05");

		root.put("item", new File("/etc/passwd"));
		assertThatExceptionOfType(EvaluationException.class)
			.isThrownBy(() -> expression.getValue(this.evaluation, root))
			.withMessageContaining("forbidden");
	}

	/** The accessors of a page's evaluation context, this one before Thymeleaf's. */
	private List<PropertyAccessor> accessorsOfAPage() {
		render("<p th:text=\"${'x'}\"></p>");
		return this.evaluation.getPropertyAccessors();
	}

	private String render(String template) {
		return this.engine.process(template, new Context(Locale.ROOT, this.variables));
	}

	record Row(String subject, boolean urgent) {
	}

	record Named(String subject, String name) {
	}

	public static final class Bean {

		private final String name;

		Bean(String name) {
			this.name = name;
		}

		public String getName() {
			return this.name;
		}

		public String getSubject() {
			return this.name;
		}

		public boolean isEmpty() {
			return false;
		}

	}

}
