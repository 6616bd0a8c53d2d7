package vn.edu.portal.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page (a GET handler) that writes when it is viewed, such as an assignment
 * marked read when its unit opens it, or an export recorded in the audit trail. Such a
 * page does not run in the read-only transaction every other page reads in
 * ({@link PageTransaction}); its services open their own.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WritesWhenViewed {

}
