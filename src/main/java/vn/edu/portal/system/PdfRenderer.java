package vn.edu.portal.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Turns an HTML page, as a Thymeleaf template writes it, into a PDF: official letters in
 * the Decree 30 layout (A4, Times New Roman). Liberation Serif, which has the metrics of
 * Times New Roman and every Vietnamese letter, is embedded (only the glyphs used) under
 * the names "Times New Roman" and "Liberation Serif", so a page styled with
 * {@code font-family: "Times New Roman", serif} prints the same on every machine. It is
 * the fallback for every other family too, so that no text falls to the standard PDF
 * fonts, which are not embedded and have no Vietnamese letters.
 * <p>
 * Nothing is fetched: no network, no file, no class path. Style the page with an inline
 * {@code <style>} element; images may only be {@code data:} URIs; an {@code @font-face}
 * rule is ignored. Links keep their absolute targets. The text is printed in NFC, and a
 * page without an {@code @page} size is A4.
 * <p>
 * A page printed lately is not printed again: the PDFs are kept in memory (up to
 * {@value #KEPT_BYTES} bytes, each for a day after it was last asked for) under the
 * SHA-256 of the page they were printed from, so one can only be found again by the very
 * same page and is never out of date. Printing a directive takes a tenth of a second of a
 * core and most of its memory churn; the hundreds of schools that open a directive within
 * the hour it is published get the same PDF, printed once. A page asked for by several
 * readers at once is printed by the first, the others wait for it.
 */
@Component
public class PdfRenderer {

	private static final Set<FSFontUseCase> DOCUMENT_ONLY = EnumSet.of(FSFontUseCase.DOCUMENT);

	private static final Set<FSFontUseCase> DOCUMENT_AND_FALLBACK = EnumSet.of(FSFontUseCase.DOCUMENT,
			FSFontUseCase.FALLBACK_PRE);

	private static final String FONT_LOCATION = "static/fonts/";

	private static final String BASE_URI = "about:blank";

	private static final Pattern ABSOLUTE = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");

	/** The bytes of PDF kept in memory at most: a few hundred letters. */
	static final long KEPT_BYTES = 32L * 1024 * 1024;

	static {
		XRLog.setLoggerImpl(new Slf4jLogger());
	}

	private final List<Face> faces;

	private final AsyncCache<String, byte[]> printed = Caffeine.newBuilder()
		.maximumWeight(KEPT_BYTES)
		.weigher((String page, byte[] pdf) -> pdf.length)
		.expireAfterAccess(Duration.ofDays(1))
		.buildAsync();

	public PdfRenderer() {
		this.faces = List.of(new Face("LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL),
				new Face("LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL),
				new Face("LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC),
				new Face("LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC));
	}

	/**
	 * The PDF of the page: printed now, or the one printed from the same page lately.
	 * @param html an HTML5 page; it need not be well-formed XML
	 * @return the PDF, not to be changed (it may be shared)
	 */
	public byte[] pdf(String html) {
		String page = Normalizer.normalize(html, Normalizer.Form.NFC);
		CompletableFuture<byte[]> mine = new CompletableFuture<>();
		CompletableFuture<byte[]> pdf = this.printed.get(Sha256.hex(page), (key, executor) -> mine);
		if (pdf == mine) {
			// Printed outside the cache's locks, so that other pages are not held up.
			try {
				mine.complete(print(page));
			}
			catch (RuntimeException | Error ex) {
				mine.completeExceptionally(ex);
				throw ex;
			}
		}
		try {
			return pdf.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure : ex;
		}
	}

	private byte[] print(String page) {
		Document document = W3CDom.convert(Jsoup.parse(page));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder().withW3cDocument(document, BASE_URI)
			.useDefaultPageSize(210, 297, PageSizeUnits.MM)
			.useUriResolver((base, uri) -> ABSOLUTE.matcher(uri).lookingAt() ? uri : null)
			.useExternalResourceAccessControl(PdfRenderer::allowed,
					ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
			.useExternalResourceAccessControl(PdfRenderer::allowed,
					ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
			.toStream(out);
		for (Face face : this.faces) {
			builder.useFont(face::open, "Times New Roman", face.weight(), face.style(), true, DOCUMENT_ONLY);
			builder.useFont(face::open, "Liberation Serif", face.weight(), face.style(), true, DOCUMENT_AND_FALLBACK);
		}
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static boolean allowed(String uri, ExternalResourceType type) {
		return isData(uri);
	}

	private static boolean isData(String uri) {
		return uri != null && uri.regionMatches(true, 0, "data:", 0, 5);
	}

	/** One font file, read once from the class path. */
	private record Face(byte[] bytes, int weight, FontStyle style) {

		Face(String file, int weight, FontStyle style) {
			this(read(file), weight, style);
		}

		InputStream open() {
			return new ByteArrayInputStream(this.bytes);
		}

		private static byte[] read(String file) {
			try (InputStream in = new ClassPathResource(FONT_LOCATION + file).getInputStream()) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * Sends the library's messages to the application's log instead of its own console
	 * handler, one level lower: its progress notes (INFO, several per page) are debug,
	 * its warnings (a missing glyph, a refused resource) stay warnings.
	 */
	static class Slf4jLogger implements XRLogger {

		@Override
		public void log(String where, Level level, String message) {
			log(where, level, message, null);
		}

		@Override
		public void log(String where, Level level, String message, Throwable failure) {
			LoggerFactory.getLogger(where).atLevel(lower(level)).setCause(failure).log(message);
		}

		@Override
		public void setLevel(String where, Level level) {
			// Levels are set in the application's logging configuration.
		}

		@Override
		public boolean isLogLevelEnabled(Diagnostic diagnostic) {
			return LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere())
				.isEnabledForLevel(lower(diagnostic.getLevel()));
		}

		static org.slf4j.event.Level lower(Level level) {
			int value = level.intValue();
			if (value >= Level.SEVERE.intValue()) {
				return org.slf4j.event.Level.ERROR;
			}
			if (value >= Level.WARNING.intValue()) {
				return org.slf4j.event.Level.WARN;
			}
			return (value >= Level.INFO.intValue()) ? org.slf4j.event.Level.DEBUG : org.slf4j.event.Level.TRACE;
		}

	}

}
