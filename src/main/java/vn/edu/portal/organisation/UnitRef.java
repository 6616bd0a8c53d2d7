package vn.edu.portal.organisation;

/**
 * What other modules know of a unit.
 *
 * @param id the unit's id
 * @param code its unique code
 * @param name its full name
 * @param type its type
 */
public record UnitRef(long id, String code, String name, UnitType type) {
}
