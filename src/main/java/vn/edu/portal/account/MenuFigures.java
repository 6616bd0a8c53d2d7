package vn.edu.portal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Reads the menu's figures of a page ({@link MenuFigure}) and the account's scope in one
 * statement, before the page's handler runs; the handler's scope checks then find the
 * scope read ({@link ScopePolicy#remember}). Only pages (GET) show the menu: a form
 * posted and redirected costs nothing here.
 */
@ControllerAdvice
class MenuFigures {

	private final List<MenuFigure> figures;

	private final ScopePolicy scopes;

	private final JdbcClient jdbc;

	MenuFigures(List<MenuFigure> figures, ScopePolicy scopes, JdbcClient jdbc) {
		this.figures = figures;
		this.scopes = scopes;
		this.jdbc = jdbc;
	}

	@ModelAttribute
	void read(Authentication authentication, HttpServletRequest request, Model model) {
		if (!"GET".equals(request.getMethod()) || authentication == null
				|| !(authentication.getPrincipal() instanceof CurrentUser user)) {
			return;
		}
		List<MenuFigure> shown = this.figures.stream().filter((figure) -> figure.appliesTo(user)).toList();
		List<String> columns = new ArrayList<>();
		for (int i = 0; i < shown.size(); i++) {
			columns.add("(" + shown.get(i).sql() + ") as figure" + i);
		}
		String scope = this.scopes.scopeSql(user);
		if (scope != null) {
			columns.add("(" + scope + ") as scope");
		}
		if (columns.isEmpty()) {
			return;
		}
		Map<String, Object> row = this.jdbc.sql("select " + String.join(", ", columns))
			.param("account", user.id())
			.param("unit", user.unitId())
			.query()
			.singleRow();
		for (int i = 0; i < shown.size(); i++) {
			Object value = row.get("figure" + i);
			model.addAttribute(shown.get(i).name(), (value != null) ? ((Number) value).intValue() : null);
		}
		if (scope != null) {
			this.scopes.remember(user, (String) row.get("scope"));
		}
	}

}
