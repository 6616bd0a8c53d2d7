package vn.edu.portal.system;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/** How every form binds: lists grow no further than the request edge lets an index go. */
@ControllerAdvice
class FormBinding {

	@InitBinder
	void limits(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(RequestEdgeFilter.MAX_LIST_INDEX + 1);
	}

}
