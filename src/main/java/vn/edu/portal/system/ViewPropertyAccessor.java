package vn.edu.portal.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Type;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.CodeFlow;
import org.springframework.expression.spel.CompilablePropertyAccessor;
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
 * <p>
 * Spring EL compiles an expression it has read often enough
 * ({@code spring.thymeleaf.enable-spring-el-compiler}) when every step of it can be
 * compiled. A property read by this accessor compiles to a call of
 * {@link #read(Object, String)}, the same lookup without the interpreter around it,
 * whatever the class of the row. A class or a property this accessor has not decided on
 * makes the compiled expression fail, and Spring EL reads it through the accessors again,
 * under the same rule.
 */
public final class ViewPropertyAccessor implements CompilablePropertyAccessor {

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

	/**
	 * A property read in a compiled expression: the reader this accessor decided on for
	 * the target's class and the property's name. Anything else fails, and Spring EL goes
	 * back to interpreting the expression.
	 * @param target what the property is read from
	 * @param name the property's name
	 * @return the property's value
	 * @throws AccessException when no reader was decided on for them
	 */
	public static Object read(Object target, String name) throws AccessException {
		Optional<PropertyAccessor> reader = INSTANCE.readers.get(target.getClass()).get(name);
		if (reader == null || reader.isEmpty()) {
			throw new AccessException("'" + name + "' was not read by this accessor before");
		}
		// A getter's reader reads the member itself; it needs no evaluation context.
		return reader.get().read(null, target, name).getValue();
	}

	@Override
	public boolean isCompilable() {
		return true;
	}

	@Override
	public Class<?> getPropertyType() {
		return Object.class;
	}

	@Override
	public void generateCode(String propertyName, MethodVisitor mv, CodeFlow cf) {
		if (cf.lastDescriptor() == null) {
			cf.loadTarget(mv);
		}
		mv.visitLdcInsn(propertyName);
		mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(ViewPropertyAccessor.class), "read",
				"(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;", false);
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
