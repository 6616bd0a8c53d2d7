package vn.edu.portal.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every page reads what it shows in one read-only transaction: the menu's counts, the
 * page's query and anything else its handler reads share one connection, one
 * {@code BEGIN READ ONLY} and one {@code COMMIT}, instead of a round trip and an implicit
 * transaction per statement. The transaction ends when the handler has filled the model,
 * before the view renders, so that nothing is held while the page is written to a slow
 * phone, and so that the session, saved when the response is committed, is written in a
 * transaction of its own.
 * <p>
 * A GET handler that writes is marked {@link WritesWhenViewed} and runs as before.
 */
class PageTransaction implements AsyncHandlerInterceptor {

	private static final String STATUS = PageTransaction.class.getName() + ".status";

	private final PlatformTransactionManager transactions;

	private final TransactionDefinition readOnly;

	PageTransaction(PlatformTransactionManager transactions) {
		this.transactions = transactions;
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setReadOnly(true);
		definition.setName("page");
		this.readOnly = definition;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (isPage(request, handler) && request.getAttribute(STATUS) == null) {
			request.setAttribute(STATUS, this.transactions.getTransaction(this.readOnly));
		}
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		end(request);
	}

	/**
	 * A download written while the request thread moves on (a streamed workbook) has read
	 * what it needed; its writer reads in a transaction of its own, on its own thread.
	 */
	@Override
	public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
			Object handler) {
		end(request);
	}

	private void end(HttpServletRequest request) {
		TransactionStatus status = take(request);
		if (status != null) {
			if (status.isRollbackOnly()) {
				this.transactions.rollback(status);
			}
			else {
				this.transactions.commit(status);
			}
		}
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		TransactionStatus status = take(request);
		if (status != null) {
			this.transactions.rollback(status);
		}
	}

	private static TransactionStatus take(HttpServletRequest request) {
		TransactionStatus status = (TransactionStatus) request.getAttribute(STATUS);
		if (status != null) {
			request.removeAttribute(STATUS);
		}
		return (status != null && !status.isCompleted()) ? status : null;
	}

	private static boolean isPage(HttpServletRequest request, Object handler) {
		return request.getDispatcherType() == DispatcherType.REQUEST
				&& ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				&& handler instanceof HandlerMethod method && !method.hasMethodAnnotation(WritesWhenViewed.class)
				&& !method.getBeanType().isAnnotationPresent(WritesWhenViewed.class);
	}

}
