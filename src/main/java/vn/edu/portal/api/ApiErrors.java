package vn.edu.portal.api;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.edu.portal.dashboard.DashboardFigures;

/**
 * The API's errors as RFC 9457 problem details: what a feature answers with its status
 * (404 for another unit's thing), 403 for a missing scope or permission, 400 for a bad
 * parameter or body (each wrong field with the page's message, in the language the client
 * asks for, Vietnamese by default), never a stack trace.
 */
@RestControllerAdvice(assignableTypes = { DirectiveApi.class, InboxApi.class, UnitApi.class, DashboardApi.class,
		ReportApi.class, IncidentApi.class })
class ApiErrors {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"The token's scopes or its owner's permissions do not allow this.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badParameter(MethodArgumentTypeMismatchException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid value of " + ex.getName() + ".");
	}

	/**
	 * What the form would say beside each field, as {@code errors: [{field, message}]}
	 * ({@code field} is absent for what concerns the whole request).
	 */
	@ExceptionHandler(BindException.class)
	ProblemDetail invalid(BindException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request is not valid; see errors.");
		problem.setProperty("errors", ex.getAllErrors().stream().map((error) -> {
			String message = this.messages.getMessage(error, locale);
			return (error instanceof FieldError field) ? new Invalid(field.getField(), message)
					: new Invalid(null, message);
		}).toList());
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (ex.contains(BodyLimit.TooLarge.class)) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, BodyLimit.DETAIL);
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body is not JSON of the documented shape (a value of the wrong type, or an unknown code).");
	}

	@ExceptionHandler(DashboardFigures.BadPeriod.class)
	ProblemDetail badPeriod(DashboardFigures.BadPeriod ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage(ex.getMessage(), null, "Invalid period.", Locale.ENGLISH));
	}

	@ExceptionHandler(IllegalStateException.class)
	ProblemDetail conflict(IllegalStateException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This cannot be done in the current state.");
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail other(RuntimeException ex) {
		ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		if (status != null && status.code() == HttpStatus.NOT_FOUND) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Not found.");
		}
		if (status != null) {
			return ProblemDetail.forStatus(status.code());
		}
		log.error("API request failed", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error.");
	}

	/**
	 * A wrong field.
	 *
	 * @param field the field, as in the request body ({@code tasks[0].narrative}), or
	 * {@code null} for the whole request
	 * @param message what is wrong
	 */
	record Invalid(String field, String message) {
	}

}
