package vn.edu.portal.organisation;

/** Công lập, dân lập, tư thục. */
public enum Ownership {

	PUBLIC, PEOPLE_FOUNDED, PRIVATE

}
