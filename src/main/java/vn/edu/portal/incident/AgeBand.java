package vn.edu.portal.incident;

/** The age band of a person involved (message keys {@code incident.age.*}). */
public enum AgeBand {

	UNDER_7, FROM_7_TO_15, FROM_16_TO_17, ADULT

}
