package vn.edu.portal.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * The rows of a list page, each rendered once for each content and language and kept:
 * most of what a list costs to render (twenty rows of a dozen elements and a few dozen
 * expressions each), for rows that many readers see again and again between two changes.
 * <p>
 * A row is a record of exactly what its fragment shows, made of values (texts, numbers,
 * instants, enums); the fragment reads that record alone (and messages, links and
 * formats, which are the same for every reader). The kept HTML is found by the record's
 * content and the language, so it is exact by construction: a row that changed is another
 * key, rendered at its next view; nothing of the reader is in a row (no form, nothing
 * shown by role), and a reader only ever gets the rows their list holds.
 */
@Component
public class RenderedRows {

	/** The most text kept, in characters (two bytes each at most). */
	private static final long KEPT_CHARACTERS = 8L * 1024 * 1024;

	private final Cache<Rendering, String> rendered = Caffeine.newBuilder()
		.maximumWeight(KEPT_CHARACTERS)
		.weigher((Rendering rendering, String html) -> html.length())
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	private final ViewText text;

	RenderedRows(ViewText text) {
		this.text = text;
	}

	/**
	 * The HTML of the rows, one after another.
	 * @param fragment the row's fragment ({@code "incidents/row :: row"})
	 * @param variable the name by which the fragment reads its row
	 * @param rows the rows, records of what a row shows
	 * @param locale the language
	 * @param request the request being served
	 * @param response its response, which is not written to
	 * @return the rows' HTML
	 */
	public String of(String fragment, String variable, List<? extends Record> rows, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		StringBuilder html = new StringBuilder(rows.size() * 1024);
		for (Record row : rows) {
			html.append(this.rendered.get(new Rendering(fragment, row, locale),
					(key) -> this.text.render(fragment, Map.of(variable, row), locale, request, response)));
		}
		return html.toString();
	}

	private record Rendering(String fragment, Record row, Locale locale) {
	}

}
