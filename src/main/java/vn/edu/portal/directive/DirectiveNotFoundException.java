package vn.edu.portal.directive;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A directive that does not exist or lies outside the account's scope: 404 either way.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class DirectiveNotFoundException extends RuntimeException {

	DirectiveNotFoundException(long id) {
		super("directive " + id + " not found");
	}

}
