package vn.edu.portal.delivery;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An assignment that does not exist or is not the account's unit's: 404 either way. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class AssignmentNotFoundException extends RuntimeException {

	AssignmentNotFoundException(long id) {
		super("assignment " + id + " not found");
	}

}
