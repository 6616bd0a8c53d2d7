package vn.edu.portal.directive;

/** What a recipient unit is asked: to implement, or to know (and report upward). */
public enum RecipientRole {

	IMPLEMENT, INFORM

}
