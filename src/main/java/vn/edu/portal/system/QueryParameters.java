package vn.edu.portal.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler's parameter that is a record read from the query string (a list page's
 * filter): each component from the parameter of its name, converted as Spring MVC
 * converts a request parameter (formats such as {@code @DateTimeFormat} on the canonical
 * constructor's parameters apply); none when absent, and none when empty except for text;
 * of a repeated parameter the first value, except for text (the values joined with
 * commas). Put in the model under {@link #value()}. A value that cannot be read as its
 * type answers 400, as Spring's binding does. Read by {@link QueryParametersResolver}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QueryParameters {

	/** The name the record takes in the model. */
	String value();

}
