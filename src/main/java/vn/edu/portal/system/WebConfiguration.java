package vn.edu.portal.system;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.format.datetime.standard.DateTimeFormatterRegistrar;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Languages (Vietnamese first, English by {@code ?lang=en}, remembered in a cookie) and
 * the dd/MM/yyyy date format for every form.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final PlatformTransactionManager transactions;

	WebConfiguration(PlatformTransactionManager transactions) {
		this.transactions = transactions;
	}

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

	/**
	 * Tomcat writes a response to its socket through a buffer of its own (8 KB unless
	 * told): as large as the response's, so that a page leaves in one write.
	 */
	@Bean
	TomcatConnectorCustomizer pageSizedSocketBuffer() {
		return (connector) -> connector.setProperty("socket.appWriteBufSize",
				String.valueOf(RequestEdgeFilter.RESPONSE_BUFFER));
	}

	@Bean
	LocaleResolver localeResolver() {
		return new SupportedLocaleResolver();
	}

	/**
	 * Templates read the properties of what they show through
	 * {@link ViewPropertyAccessor}, which keeps Thymeleaf's access rule and decides it
	 * once per class and property; pages are written by {@link WholePageView}, unflushed.
	 */
	@Bean
	static BeanPostProcessor viewPropertyReads() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					engine.setEngineContextFactory(new ViewPropertyAccessor.EngineContexts());
				}
				if (bean instanceof ThymeleafViewResolver views) {
					views.setViewClass(WholePageView.class);
				}
				return bean;
			}

		};
	}

	/** Spring MVC's flash messages, not looked for where no session is read. */
	@Bean
	FlashMapManager flashMapManager() {
		return new Sessionless.FlashMapManager();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PageTransaction(this.transactions));
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new QueryLinks());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new QueryParametersResolver());
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		DateTimeFormatterRegistrar registrar = new DateTimeFormatterRegistrar();
		registrar.setDateFormatter(java.time.format.DateTimeFormatter.ofPattern(Formats.DATE_PATTERN));
		registrar.registerFormatters(registry);
	}

	/**
	 * Links that keep the page and its query (filters, a login error) and change one
	 * parameter: the language switcher's ({@code langVi}, {@code langEn}) and the pager's
	 * ({@code pageLink}, to which the page number is appended).
	 */
	static class QueryLinks implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String query = (request.getQueryString() != null) ? request.getQueryString() : "";
			request.setAttribute("langVi", without(query, "lang") + "lang=vi");
			request.setAttribute("langEn", without(query, "lang") + "lang=en");
			request.setAttribute("pageLink", request.getRequestURI() + without(query, "page") + "page=");
			return true;
		}

		/** "?" and the query without the parameter, ready for one more. */
		private static String without(String query, String parameter) {
			String kept = Arrays.stream(query.split("&"))
				.filter((part) -> !part.isEmpty() && !part.startsWith(parameter + "="))
				.collect(Collectors.joining("&"));
			return kept.isEmpty() ? "?" : "?" + kept + "&";
		}

	}

	/** A cookie-backed resolver that only ever answers Vietnamese or English. */
	static class SupportedLocaleResolver extends CookieLocaleResolver {

		SupportedLocaleResolver() {
			super("PORTAL_LANG");
			setDefaultLocale(VIETNAMESE);
			setCookieMaxAge(Duration.ofDays(365));
			setCookieSameSite("Lax");
			setCookieHttpOnly(true);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return supported(super.resolveLocale(request));
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			super.setLocale(request, response, (locale != null) ? supported(locale) : null);
		}

		private static Locale supported(Locale locale) {
			return SUPPORTED.stream()
				.filter((candidate) -> candidate.getLanguage().equals(locale.getLanguage()))
				.findFirst()
				.orElse(VIETNAMESE);
		}

	}

}
