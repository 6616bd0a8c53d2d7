package vn.edu.portal.organisation;

import java.util.Optional;

/**
 * Implemented by every module that keeps work for a unit (units below it, active
 * accounts, unanswered directives...). A unit with open work cannot be closed without a
 * successor.
 */
public interface OpenWork {

	/**
	 * What is still open at the unit, as a message key with its count, if anything.
	 * @param unitId the unit about to close
	 * @return the open work, or empty
	 */
	Optional<Item> openAt(long unitId);

	/**
	 * @param messageKey the message that names the work, with {0} for the count
	 * @param count how many
	 */
	record Item(String messageKey, long count) {
	}

}
