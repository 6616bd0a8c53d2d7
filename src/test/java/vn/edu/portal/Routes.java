package vn.edu.portal;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The routes of the application as Spring's handler mappings hold them: every method and
 * pattern of every controller, but those of the tests themselves, with what each handler
 * takes. A route added tomorrow is in the list tomorrow.
 */
final class Routes {

	private Routes() {
	}

	/**
	 * The REST API, which answers bearer tokens and no session: its scope rule, scopes
	 * and errors are tried by {@code ApiTests}, not by the sweeps of pages.
	 */
	static final String API = "/api/v1/";

	/** Every route of the pages, in a stable order. */
	static List<Route> of(RequestMappingHandlerMapping mapping) {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (isTestCode(handler.getBeanType())) {
				continue;
			}
			Set<RequestMethod> declared = entry.getKey().getMethodsCondition().getMethods();
			Set<RequestMethod> methods = declared.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST)
					: declared;
			for (String pattern : entry.getKey().getPatternValues()) {
				if (pattern.startsWith(API)) {
					continue;
				}
				for (RequestMethod method : methods) {
					if (method == RequestMethod.GET || method == RequestMethod.POST) {
						routes.add(new Route(method, pattern, handler));
					}
				}
			}
		}
		return routes.stream()
			.collect(java.util.stream.Collectors.toMap(Route::toString, (route) -> route, (first, second) -> first,
					java.util.TreeMap::new))
			.values()
			.stream()
			.toList();
	}

	/**
	 * A controller of the tests (a page to try a fragment on), not of the application.
	 */
	private static boolean isTestCode(Class<?> type) {
		return type.getProtectionDomain().getCodeSource() != null && type.getProtectionDomain()
			.getCodeSource()
			.getLocation()
			.equals(Routes.class.getProtectionDomain().getCodeSource().getLocation());
	}

	/**
	 * A method and a pattern, and the handler behind them.
	 *
	 * @param method GET or POST
	 * @param pattern the URL pattern, with its path variables
	 * @param handler the controller method
	 */
	record Route(RequestMethod method, String pattern, HandlerMethod handler) {

		private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

		/** The path variables, in the order of the pattern. */
		List<String> variables() {
			List<String> names = new ArrayList<>();
			Matcher matcher = VARIABLE.matcher(this.pattern);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}

		/** The pattern up to and with a path variable. */
		String upTo(String variable) {
			Matcher matcher = VARIABLE.matcher(this.pattern);
			while (matcher.find()) {
				if (matcher.group(1).equals(variable)) {
					return this.pattern.substring(0, matcher.end());
				}
			}
			throw new IllegalArgumentException(variable + " is not a variable of " + this.pattern);
		}

		/** The pattern with each variable replaced by its value. */
		String fill(Map<String, String> values) {
			Matcher matcher = VARIABLE.matcher(this.pattern);
			StringBuilder path = new StringBuilder();
			while (matcher.find()) {
				matcher.appendReplacement(path, Matcher.quoteReplacement(values.get(matcher.group(1))));
			}
			matcher.appendTail(path);
			return path.toString();
		}

		/**
		 * The request parameters the handler reads and their types: its
		 * {@code @RequestParam}s and the fields of the forms it binds.
		 */
		Map<String, Class<?>> parameters() {
			Map<String, Class<?>> parameters = new LinkedHashMap<>();
			for (MethodParameter parameter : this.handler.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null) {
					parameters.put(name(param, parameter), parameter.getParameterType());
				}
				else if (isForm(parameter)) {
					Class<?> form = parameter.getParameterType();
					if (form.isRecord()) {
						for (RecordComponent component : form.getRecordComponents()) {
							parameters.put(component.getName(), component.getType());
						}
					}
					else {
						for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(form)) {
							if (property.getWriteMethod() != null) {
								parameters.put(property.getName(), property.getPropertyType());
							}
						}
					}
				}
			}
			return parameters;
		}

		/** The {@code @RequestParam}s without which the handler is not called. */
		List<String> requiredParameters() {
			List<String> required = new ArrayList<>();
			for (MethodParameter parameter : this.handler.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null && param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
						&& !parameter.isOptional() && !takesFiles(parameter)) {
					required.add(name(param, parameter));
				}
			}
			return required;
		}

		/**
		 * The name of the field that carries the file of a form of one file, if the
		 * handler takes one.
		 */
		String fileField() {
			for (MethodParameter parameter : this.handler.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null && MultipartFile.class.equals(parameter.getParameterType())) {
					return name(param, parameter);
				}
			}
			return null;
		}

		private static boolean takesFiles(MethodParameter parameter) {
			ResolvableType type = ResolvableType.forMethodParameter(parameter);
			return MultipartFile.class.equals(type.resolve())
					|| MultipartFile.class.equals(type.getNested(2).resolve());
		}

		private static boolean isForm(MethodParameter parameter) {
			if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
				return true;
			}
			Class<?> type = parameter.getParameterType();
			boolean onlyValidated = java.util.Arrays.stream(parameter.getParameterAnnotations())
				.allMatch((annotation) -> annotation.annotationType().getSimpleName().startsWith("Valid"));
			return onlyValidated && !BeanUtils.isSimpleProperty(type) && type.getName().startsWith("vn.edu.portal.");
		}

		private static String name(RequestParam param, MethodParameter parameter) {
			return !param.name().isEmpty() ? param.name() : parameter.getParameterName();
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

}
