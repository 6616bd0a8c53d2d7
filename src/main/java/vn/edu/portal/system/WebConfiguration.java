package vn.edu.portal.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.DateTimeFormatterRegistrar;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages (Vietnamese first, English by {@code ?lang=en}, remembered in a cookie) and
 * the dd/MM/yyyy date format for every form.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		return new SupportedLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new LanguageLinks());
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		DateTimeFormatterRegistrar registrar = new DateTimeFormatterRegistrar();
		registrar.setDateFormatter(java.time.format.DateTimeFormatter.ofPattern(Formats.DATE_PATTERN));
		registrar.registerFormatters(registry);
	}

	/**
	 * The language switcher's links keep the page and its query (filters, a login error)
	 * and only change {@code lang}: request attributes {@code langVi} and {@code langEn}.
	 */
	static class LanguageLinks implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String query = (request.getQueryString() != null) ? request.getQueryString() : "";
			String kept = java.util.Arrays.stream(query.split("&"))
				.filter((part) -> !part.isEmpty() && !part.startsWith("lang="))
				.collect(java.util.stream.Collectors.joining("&"));
			String prefix = kept.isEmpty() ? "?" : "?" + kept + "&";
			request.setAttribute("langVi", prefix + "lang=vi");
			request.setAttribute("langEn", prefix + "lang=en");
			return true;
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
