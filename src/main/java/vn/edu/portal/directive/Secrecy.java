package vn.edu.portal.directive;

/**
 * The secrecy marks of Decree 30. Only {@code NONE} may be entered: secret documents do
 * not belong on this system, and the form says so beside the field.
 */
enum Secrecy {

	NONE, SECRET, TOP_SECRET, ABSOLUTELY_SECRET

}
