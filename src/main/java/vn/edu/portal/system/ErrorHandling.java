package vn.edu.portal.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Maps a lost update (two people editing one record) to the 409 page. Other errors are
 * rendered by Boot's error controller from {@code templates/error/}, without stack traces
 * or SQL.
 */
@ControllerAdvice
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	@ExceptionHandler(OptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(OptimisticLockingFailureException ex) {
		log.info("Conflicting update refused: {}", ex.getMessage());
		return "error/409";
	}

}
