package vn.edu.portal.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

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
 * <p>
 * The rows of its two long tables, the units one level down and the deadlines not met,
 * are each rendered once for each content (see {@link RenderedOnce}): a dashboard worked
 * out anew after a change renders only the rows that the change moved. A Department's
 * page holds a hundred such rows, three quarters of its HTML.
 */
@Component
class RenderedFigures {

	static final String TEMPLATE = "dashboard/figures :: figures";

	private static final String CHILD_ROW = "dashboard/rows :: child";

	private static final String PENDING_ROW = "dashboard/rows :: pending";

	private final ViewText text;

	private final RenderedOnce rendered;

	private final DashboardProperties properties;

	RenderedFigures(ViewText text, RenderedOnce rendered, DashboardProperties properties) {
		this.text = text;
		this.rendered = rendered;
		this.properties = properties;
	}

	/**
	 * The figures' HTML, rendered from the model of the page, or as rendered before for
	 * the same dashboard shown the same way.
	 * @param unitType the unit type counted alone, or {@code null}
	 * @param directiveId the directive counted alone, or {@code null}
	 */
	String of(Dashboards.Shown shown, UnitOrder order, PeriodChoice choice, String unitType, Long directiveId,
			Locale locale, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
		Dashboards.View view = shown.view();
		Supplier<Map<String, ?>> withRows = () -> {
			Map<String, Object> all = new HashMap<>(model);
			all.put("childRows",
					this.rendered.rows(CHILD_ROW,
							view.children()
								.stream()
								.map((figures) -> new ChildRow(choice, unitType, directiveId, figures,
										this.properties.band(figures.score()),
										view.reportsResembling().getOrDefault(figures.unitId(), 0L)))
								.toList(),
							locale, request, response));
			all.put("pendingRows", this.rendered.rows(PENDING_ROW, view.pending(), locale, request, response));
			return all;
		};
		if (!shown.kept()) {
			return this.text.render(TEMPLATE, withRows.get(), locale, request, response);
		}
		return this.rendered.kept(TEMPLATE, new Rendering(shown.keptAs(), order, choice), withRows, locale, request,
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

	/**
	 * A row of the units one level down, as shown.
	 *
	 * @param choice the period as asked for, which its link repeats
	 * @param unitType the unit type counted alone, which its link repeats
	 * @param directiveId the directive counted alone, which its link repeats
	 * @param f the unit's figures
	 * @param band the colour band of its score
	 * @param resembling how many of its reports resemble another unit's
	 */
	record ChildRow(PeriodChoice choice, String unitType, Long directiveId, Figures f, String band, long resembling) {
	}

}
