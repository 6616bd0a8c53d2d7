package vn.edu.portal.dashboard;

/**
 * The figures of one unit's scope for a period (domain.md §5).
 *
 * @param unitId the unit
 * @param code its code
 * @param name its name
 * @param acknowledged acknowledgements done of those expected (delivered in the period)
 * @param acknowledgedOnTime acknowledgements done by their deadline
 * @param reported reports submitted of those due in the period
 * @param reportedOnTime reports submitted by their deadline
 * @param accepted reports accepted
 * @param reportsOverdue reports due, not submitted, their deadline passed
 * @param incidents incidents submitted in the period
 * @param incidentsWithinTarget of them, reported within target
 * @param incidentsOpenPastTarget incidents still open and past a target
 * @param score the compliance score, 0 to 100; {@code null} when nothing was expected
 */
public record Figures(long unitId, String code, String name, Rate acknowledged, Rate acknowledgedOnTime, Rate reported,
		Rate reportedOnTime, Rate accepted, long reportsOverdue, long incidents, Rate incidentsWithinTarget,
		long incidentsOpenPastTarget, Integer score) {

}
