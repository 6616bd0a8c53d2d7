package vn.edu.portal.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload far over the limit is cut off before any page sees it: it gets its own page
 * instead of an error (files a little over 10 MB reach the import page, which says so
 * beside the field).
 */
@ControllerAdvice
class ImportLimits {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
	String tooLarge() {
		return "error/413";
	}

}
