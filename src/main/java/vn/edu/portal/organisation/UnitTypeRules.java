package vn.edu.portal.organisation;

import java.util.Optional;

/**
 * Implemented by modules whose data depends on a unit's type (the roles its accounts may
 * hold). A change of type that would break them is refused with the message key answered.
 */
public interface UnitTypeRules {

	Optional<String> refusal(long unitId, UnitType newType);

}
