package vn.edu.portal.system;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * A page as Thymeleaf renders it, written into the response without the flush Thymeleaf
 * ends with. A page that fits the response's buffer ({@link RequestEdgeFilter}) then
 * leaves in one write, with its {@code Content-Length}, when the request ends; flushed,
 * it left as a chunked body and a last empty chunk, two writes. A larger page leaves as
 * the buffer fills, as before.
 */
class WholePageView extends ThymeleafView {

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		super.render(model, request, new Unflushed(response));
	}

	/** The response whose writer does not flush (its writes are the response's own). */
	private static final class Unflushed extends HttpServletResponseWrapper {

		private PrintWriter writer;

		Unflushed(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				this.writer = new PrintWriter(super.getWriter()) {

					@Override
					public void flush() {
					}

				};
			}
			return this.writer;
		}

	}

}
