package vn.edu.portal.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * Parts of the list pages rendered once for each content and language and kept: the rows
 * of a list (twenty rows of a dozen elements and a few dozen expressions each, most of
 * what a list costs to render) and the selects of its filter, which many readers see
 * again and again between two changes.
 * <p>
 * A part is a fragment that reads one record, made of values (texts, numbers, instants,
 * enums, lists of them), of exactly what it shows, and otherwise only messages, links and
 * formats, which are the same for every reader. The kept HTML is found by that record and
 * the language, so it is exact by construction: a row that changed is another key,
 * rendered at its next view; nothing of the reader is in a part (no form, nothing shown
 * by role), and a reader only ever gets the rows their list holds. The one part that
 * shows its reader, the menu bar, holds all it shows of them in its key (their name,
 * their menu, their figures) and no form token.
 */
@Component
public class RenderedOnce {

	/** The fragment of a filter's select, which reads a {@link Choices}. */
	static final String SELECT = "fragments/choices :: select";

	/** The most text kept, in characters (two bytes each at most). */
	private static final long KEPT_CHARACTERS = 24L * 1024 * 1024;

	private final Cache<Rendering, String> rendered = Caffeine.newBuilder()
		.maximumWeight(KEPT_CHARACTERS)
		.weigher((Rendering rendering, String html) -> html.length())
		.expireAfterAccess(Duration.ofHours(1))
		// Upkeep (reads recorded, eviction) done by the request that reads, not handed
		// to another thread: waking one cost more than the upkeep itself.
		.executor(Runnable::run)
		.build();

	private final ViewText text;

	RenderedOnce(ViewText text) {
		this.text = text;
	}

	/**
	 * The HTML of the rows of a list, one after another.
	 * @param fragment the row's fragment ({@code "incidents/row :: row"}), which reads
	 * its row as {@code r}
	 * @param rows the rows, records of what a row shows
	 * @param locale the language
	 * @param request the request being served
	 * @param response its response, which is not written to
	 * @return the rows' HTML
	 */
	public String rows(String fragment, List<? extends Record> rows, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		StringBuilder html = new StringBuilder(rows.size() * 1024);
		for (Record row : rows) {
			html.append(of(fragment, row, locale, request, response));
		}
		return html.toString();
	}

	/**
	 * The HTML of a filter's selects, by the name of each.
	 * @param locale the language
	 * @param request the request being served
	 * @param response its response, which is not written to
	 * @param selects what each select offers and which is chosen
	 * @return each select's HTML by its name, for {@code th:utext="${selects['status']}"}
	 */
	public Map<String, String> selects(Locale locale, HttpServletRequest request, HttpServletResponse response,
			Choices... selects) {
		Map<String, String> html = new LinkedHashMap<>();
		for (Choices select : selects) {
			html.put(select.name(), of(SELECT, select, locale, request, response));
		}
		return html;
	}

	/**
	 * The HTML of a fragment rendered from a model, kept under a record that stands for
	 * everything it shows (as the dashboard's figures are kept under the dashboard they
	 * show).
	 * @param fragment the fragment
	 * @param key everything the fragment shows, or a value that changes whenever it does
	 * @param model what the fragment reads, when it is rendered
	 * @param locale the language
	 * @param request the request being served
	 * @param response its response, which is not written to
	 * @return the fragment's HTML
	 */
	public String kept(String fragment, Record key, Map<String, ?> model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return kept(fragment, key, () -> model, locale, request, response);
	}

	/**
	 * The HTML of a fragment kept under a record that stands for everything it shows, its
	 * model made only when it is rendered: a model that holds other kept parts (rows,
	 * selects) costs nothing when the whole is kept.
	 * @param fragment the fragment
	 * @param key everything the fragment shows; the model must follow from it and the
	 * language alone
	 * @param model what the fragment reads, made when it is rendered
	 * @param locale the language
	 * @param request the request being served
	 * @param response its response, which is not written to
	 * @return the fragment's HTML
	 */
	public String kept(String fragment, Record key, Supplier<Map<String, ?>> model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		Rendering rendering = new Rendering(fragment, key, locale);
		String html = this.rendered.getIfPresent(rendering);
		if (html == null) {
			// Made and rendered outside the cache's own computing: the model may hold
			// other kept parts, read from this cache. Two requests that miss together
			// render the same text twice.
			html = this.text.render(fragment, model.get(), locale, request, response);
			this.rendered.put(rendering, html);
		}
		return html;
	}

	private String of(String fragment, Record part, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return kept(fragment, part, Map.of("r", part), locale, request, response);
	}

	private record Rendering(String fragment, Record key, Locale locale) {
	}

}
