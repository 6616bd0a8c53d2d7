package vn.edu.portal.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A form field holding a day as users write it, dd/MM/yyyy (empty is left to
 * {@code @NotBlank}). Forms keep dates as text so that a mistyped date is reported beside
 * its field together with every other error, and the text typed is shown again as it was.
 */
@Documented
@Constraint(validatedBy = DayMonthYear.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface DayMonthYear {

	String message() default "{typeMismatch.java.time.LocalDate}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the text strictly. */
	class Validator implements ConstraintValidator<DayMonthYear, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			try {
				Formats.parseDayMonthYear(value);
				return true;
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}

	}

}
