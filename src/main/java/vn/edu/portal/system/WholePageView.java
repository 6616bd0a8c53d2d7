package vn.edu.portal.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
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
 * <p>
 * The page, which Thymeleaf hands over as one string, is encoded by the string itself
 * ({@link String#getBytes(Charset)}) and written as bytes. Through the response's writer
 * it went through the servlet container's character encoder, whose loop for anything
 * after the first character outside ASCII (any Vietnamese page) was the largest single
 * cost of a list page: 4.5% of its CPU. A part of a page rendered to text
 * ({@link ViewText}) is written as text.
 */
class WholePageView extends ThymeleafView {

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		super.render(model, request, (response instanceof ViewText.Captured) ? response : new Unflushed(response));
	}

	/** The response whose writer encodes into its bytes and does not flush. */
	private static final class Unflushed extends HttpServletResponseWrapper {

		private PrintWriter writer;

		Unflushed(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				this.writer = new PrintWriter(
						new EncodingWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
			}
			return this.writer;
		}

	}

	/** Text written as the bytes of its charset, straight into the response's stream. */
	private static final class EncodingWriter extends Writer {

		private final OutputStream bytes;

		private final Charset charset;

		EncodingWriter(OutputStream bytes, Charset charset) {
			this.bytes = bytes;
			this.charset = charset;
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			String part = (offset == 0 && length == text.length()) ? text : text.substring(offset, offset + length);
			this.bytes.write(part.getBytes(this.charset));
		}

		@Override
		public void write(char[] characters, int offset, int length) throws IOException {
			write(new String(characters, offset, length), 0, length);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
