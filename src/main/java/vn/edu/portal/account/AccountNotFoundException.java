package vn.edu.portal.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such account, or one outside the administrator's scope: both answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class AccountNotFoundException extends RuntimeException {

	AccountNotFoundException(Object id) {
		super("account " + id + " not found");
	}

}
