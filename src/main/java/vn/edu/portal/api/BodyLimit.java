package vn.edu.portal.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's request bodies are small JSON documents (a report, an incident): past
 * {@link #MAX_BYTES}, 413 with a problem, before anyone is authenticated or anything is
 * parsed. A declared length is refused at once; a body sent in chunks is cut off when it
 * passes the limit ({@link TooLarge}, answered 413 by {@link ApiErrors}). Tomcat's own
 * limit covers form posts only, and a JSON body of a few hundred megabytes would be read
 * whole into the heap.
 */
class BodyLimit extends OncePerRequestFilter {

	/** The largest body the API reads. */
	static final int MAX_BYTES = 1024 * 1024;

	static final String DETAIL = "The request body is larger than the API accepts (1 MB).";

	private final ApiProblems problems;

	BodyLimit(ApiProblems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			response.setHeader("Connection", "close");
			this.problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, DETAIL);
			return;
		}
		chain.doFilter(new Limited(request), response);
	}

	/** Thrown when a body sent without a length passes the limit. */
	static final class TooLarge extends IOException {

		TooLarge() {
			super(DETAIL);
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				this.limited = new LimitedStream(super.getInputStream());
			}
			return this.limited;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream body;

		private long read;

		LimitedStream(ServletInputStream body) {
			this.body = body;
		}

		@Override
		public int read() throws IOException {
			int next = this.body.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.body.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLarge {
			this.read += n;
			if (this.read > MAX_BYTES) {
				throw new TooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

	}

}
