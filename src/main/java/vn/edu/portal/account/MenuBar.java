package vn.edu.portal.account;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

import vn.edu.portal.system.RenderedOnce;

/**
 * The menu bar of every page ({@code fragments/menu.html}), rendered once for each
 * account's name and roles, its menu's figures, the language links and the language, and
 * kept ({@link RenderedOnce}): rendered in the page, its two dozen links, messages and
 * conditions were about a fifth of a list page's time. The bar is found by exactly what
 * it shows, so it is exact by construction: a figure that changed is another key, and two
 * accounts only ever share a bar that shows the same name, menu and figures. Its sign-out
 * form holds no token; the layout adds the page's CSRF token beside it.
 * <p>
 * Kept when the handler has filled the model (its figures read by {@link MenuFigures}),
 * for a page that renders a view; a page rendered otherwise (an error page) renders the
 * bar itself, from the same fragment.
 */
@Component
class MenuBar implements HandlerInterceptor, WebMvcConfigurer {

	private static final String FRAGMENT = "fragments/menu :: menu";

	private final Navigation navigation;

	private final List<MenuFigure> figures;

	private final RenderedOnce rendered;

	MenuBar(Navigation navigation, List<MenuFigure> figures, RenderedOnce rendered) {
		this.navigation = navigation;
		this.figures = figures;
		this.rendered = rendered;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || !page.hasView() || page.getViewName() == null || page.getViewName().contains(":")) {
			return;
		}
		Map<String, Object> model = page.getModel();
		Map<String, Object> figures = new LinkedHashMap<>();
		for (MenuFigure figure : this.figures) {
			figures.put(figure.name(), model.get(figure.name()));
		}
		Shown shown = new Shown(this.navigation.getCurrent(), figures, request.getAttribute("langVi"),
				request.getAttribute("langEn"));
		page.addObject("menuBar", this.rendered.kept(FRAGMENT, shown, () -> shown.model(),
				RequestContextUtils.getLocale(request), request, response));
	}

	/**
	 * Everything the bar shows besides its language: the account's name and menu, the
	 * figures by name (null where the page read none), and the links to the page in each
	 * language.
	 */
	record Shown(Navigation.Menu nav, Map<String, Object> figures, Object langVi, Object langEn) {

		Map<String, ?> model() {
			Map<String, Object> model = new HashMap<>(this.figures);
			model.put("nav", this.nav);
			model.put("langVi", this.langVi);
			model.put("langEn", this.langEn);
			return model;
		}

	}

}
