package vn.edu.portal.incident;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An incident that does not exist, or that the reader may not see: both answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class IncidentNotFoundException extends RuntimeException {

	IncidentNotFoundException(long id) {
		super("incident " + id);
	}

}
