package vn.edu.portal.system;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

/**
 * A template rendered to text exactly as it would be written to the response: resolved by
 * the same view resolver and rendered with the same request (its links, messages, locale
 * and beans), into a string instead. For a part of a page that is the same for many
 * requests, kept by its owner and written into the page as it is ({@code th:utext}). What
 * is rendered so must not depend on the reader unless its key holds what it shows of
 * them, and holds no CSRF token (a form's token differs on every page).
 */
@Component
public class ViewText {

	private static final int FIRST_CAPACITY = 16 * 1024;

	private final ThymeleafViewResolver views;

	ViewText(ThymeleafViewResolver views) {
		this.views = views;
	}

	/**
	 * The text of a template.
	 * @param template the view's name, a fragment selector allowed
	 * ({@code "dashboard/figures :: figures"})
	 * @param model what the template reads
	 * @param locale the language of its messages
	 * @param request the request being served
	 * @param response its response, which is not written to
	 * @return the rendered text
	 */
	public String render(String template, Map<String, ?> model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			View view = this.views.resolveViewName(template, locale);
			if (view == null) {
				throw new IllegalStateException("No view " + template);
			}
			StringWriter text = new StringWriter(FIRST_CAPACITY);
			Captured captured = new Captured(response, new PrintWriter(text));
			view.render(model, request, captured);
			captured.getWriter().flush();
			return text.toString();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not render " + template, ex);
		}
	}

	/**
	 * The response as the view sees it: what it writes goes to the text; its headers,
	 * type and length leave the real response alone.
	 */
	private static final class Captured extends HttpServletResponseWrapper {

		private final PrintWriter writer;

		Captured(HttpServletResponse response, PrintWriter writer) {
			super(response);
			this.writer = writer;
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("A view rendered to text writes text");
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public void setLocale(Locale locale) {
		}

		@Override
		public void setContentLength(int length) {
		}

		@Override
		public void setContentLengthLong(long length) {
		}

		@Override
		public void setHeader(String name, String value) {
		}

		@Override
		public void addHeader(String name, String value) {
		}

		@Override
		public void flushBuffer() {
			this.writer.flush();
		}

		@Override
		public void resetBuffer() {
			throw new IllegalStateException("A view rendered to text cannot be reset");
		}

		@Override
		public void reset() {
			throw new IllegalStateException("A view rendered to text cannot be reset");
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

	}

}
