package vn.edu.portal.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IEngineContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.context.StandardEngineContextFactory;
import org.thymeleaf.engine.TemplateData;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.util.ExpressionUtils;

/**
 * Reads the properties of what a page shows ({@code ${row.subject}}) for Thymeleaf's
 * Spring EL, under Thymeleaf's own rule of which members a template may reach, but
 * decided once per class and property rather than on every read.
 * <p>
 * Thymeleaf's access-checking accessor hands Spring EL a reader that is not in the
 * context's list, so Spring EL cannot keep it: every read asks again whether the property
 * exists (a cache lookup) and whether it is forbidden (the class's name against the
 * blocked packages, through streams). That was a tenth of the dashboard's rendering. This
 * accessor stands before Thymeleaf's in the list and is its own reader, so an expression
 * keeps it and a read is a map lookup and the getter's call. What it does not read (a
 * class, an array, a forbidden member, anything it cannot find) falls through to
 * Thymeleaf's accessor, which answers or refuses exactly as before.
 */
final class ViewPropertyAccessor implements PropertyAccessor {

	static final ViewPropertyAccessor INSTANCE = new ViewPropertyAccessor();

	private final ReflectivePropertyAccessor resolver = new ReflectivePropertyAccessor(false);

	/** For each class, each property name read: its reader, or none when not readable. */
	private final ClassValue<Map<String, Optional<PropertyAccessor>>> readers = new ClassValue<>() {

		@Override
		protected Map<String, Optional<PropertyAccessor>> computeValue(Class<?> type) {
			return new ConcurrentHashMap<>();
		}

	};

	private ViewPropertyAccessor() {
	}

	@Override
	public Class<?>[] getSpecificTargetClasses() {
		return null;
	}

	@Override
	public boolean canRead(EvaluationContext context, Object target, String name) {
		return reader(context, target, name) != null;
	}

	@Override
	public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
		PropertyAccessor reader = reader(context, target, name);
		if (reader == null) {
			throw new AccessException("'" + name + "' is not read by this accessor");
		}
		return reader.read(context, target, name);
	}

	@Override
	public boolean canWrite(EvaluationContext context, Object target, String name) {
		return false;
	}

	@Override
	public void write(EvaluationContext context, Object target, String name, Object newValue) throws AccessException {
		throw new AccessException("templates do not write properties");
	}

	private PropertyAccessor reader(EvaluationContext context, Object target, String name) {
		if (target == null || target instanceof Class<?> || target.getClass().isArray()) {
			return null;
		}
		return this.readers.get(target.getClass())
			.computeIfAbsent(name, (property) -> resolve(context, target, property))
			.orElse(null);
	}

	/**
	 * A reader for the property of the target's class, if it exists and Thymeleaf lets a
	 * template reach it: the same getter ({@code getX}, or {@code isX} for "empty" and
	 * "blank") that Thymeleaf's accessor checks.
	 */
	private Optional<PropertyAccessor> resolve(EvaluationContext context, Object target, String name) {
		try {
			if (name.isEmpty() || !this.resolver.canRead(context, target, name)) {
				return Optional.empty();
			}
			String getter = ("empty".equals(name) || "blank".equals(name)) ? "is" : "get";
			if (ExpressionUtils.isMemberForbidden(target,
					getter + Character.toUpperCase(name.charAt(0)) + name.substring(1))) {
				return Optional.empty();
			}
			return Optional.of(this.resolver.createOptimalAccessor(context, target, name));
		}
		catch (AccessException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Puts the accessor before Thymeleaf's in the evaluation context of each page, once
	 * per page: the context a view makes for its request, found among its variables when
	 * the engine starts on the template.
	 */
	static final class EngineContexts implements IEngineContextFactory {

		private final IEngineContextFactory standard = new StandardEngineContextFactory();

		@Override
		public IEngineContext createEngineContext(IEngineConfiguration configuration, TemplateData templateData,
				Map<String, Object> templateResolutionAttributes, IContext context) {
			if (context.getVariable(
					ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME) instanceof ThymeleafEvaluationContext evaluation
					&& !evaluation.isVariableAccessRestricted()) {
				List<PropertyAccessor> accessors = new ArrayList<>(evaluation.getPropertyAccessors());
				int thymeleafs = accessors.indexOf(accessors.stream()
					.filter(ReflectivePropertyAccessor.class::isInstance)
					.findFirst()
					.orElse(null));
				if (thymeleafs >= 0 && !accessors.contains(INSTANCE)) {
					accessors.add(thymeleafs, INSTANCE);
					evaluation.setPropertyAccessors(accessors);
				}
			}
			return this.standard.createEngineContext(configuration, templateData, templateResolutionAttributes,
					context);
		}

	}

}
