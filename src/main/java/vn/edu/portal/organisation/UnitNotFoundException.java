package vn.edu.portal.organisation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such unit, or not one the account may see: both answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnitNotFoundException extends RuntimeException {

	public UnitNotFoundException(Object id) {
		super("unit " + id + " not found");
	}

}
