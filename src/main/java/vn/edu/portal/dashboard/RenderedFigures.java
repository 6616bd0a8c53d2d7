package vn.edu.portal.dashboard;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import vn.edu.portal.system.RenderedOnce;
import vn.edu.portal.system.ViewText;

/**
 * The figures of a kept dashboard (its cards, the units one level down, who has not
 * responded, the charts' tables, the incidents), rendered once for each way they are
 * shown and kept with the dashboard they show: most of the page, and most of what it cost
 * to render (a Department's page holds a hundred rows and a thousand expressions). The
 * same for every reader of the same dashboard; the rest of the page (the menu, the
 * reader's name, the filter, the forms) is rendered for each request.
 */
@Component
class RenderedFigures {

	static final String TEMPLATE = "dashboard/figures :: figures";

	private final ViewText text;

	private final RenderedOnce rendered;

	RenderedFigures(ViewText text, RenderedOnce rendered) {
		this.text = text;
		this.rendered = rendered;
	}

	/**
	 * The figures' HTML, rendered from the model of the page, or as rendered before for
	 * the same dashboard shown the same way.
	 */
	String of(Dashboards.Shown shown, UnitOrder order, PeriodChoice choice, Locale locale, Map<String, ?> model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!shown.kept()) {
			return this.text.render(TEMPLATE, model, locale, request, response);
		}
		return this.rendered.kept(TEMPLATE, new Rendering(shown.keptAs(), order, choice), model, locale, request,
				response);
	}

	/**
	 * Everything the figures are rendered from: the dashboard kept (its choice of unit,
	 * period, type, directive and deadlines listed, and its data), the order of the units
	 * and the period as asked for (its links repeat it); the language is added by
	 * {@link RenderedOnce}.
	 */
	private record Rendering(long keptAs, UnitOrder order, PeriodChoice choice) {
	}

}
