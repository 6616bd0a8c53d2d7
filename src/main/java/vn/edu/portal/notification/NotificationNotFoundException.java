package vn.edu.portal.notification;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Another account's message, or none: 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotificationNotFoundException extends RuntimeException {

	NotificationNotFoundException(long id) {
		super("notification " + id);
	}

}
