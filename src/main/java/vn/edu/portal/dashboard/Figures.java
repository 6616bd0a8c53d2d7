package vn.edu.portal.dashboard;

/**
 * The figures of one unit's scope for a period (domain.md §5).
 *
 * @param unitId the unit
 * @param code its code
 * @param name its name
 * @param acknowledged acknowledgements done of those expected (delivered in the period,
 * their deadline passed or done already)
 * @param acknowledgedOnTime acknowledgements done by their deadline
 * @param reported reports submitted of those due in the period (their deadline passed or
 * submitted already)
 * @param reportedOnTime reports submitted by their deadline
 * @param accepted reports accepted
 * @param reportsOverdue reports due, not submitted, their deadline passed
 * @param acknowledgementsPending acknowledgements not yet due and not yet done: in no
 * rate and not in the score
 * @param reportsPending reports not yet due and not yet submitted: in no rate and not in
 * the score
 * @param incidents incidents submitted in the period
 * @param incidentsWithinTarget of them, reported within target
 * @param incidentsOpenPastTarget incidents still open and past a target
 * @param score the compliance score, 0 to 100; {@code null} when nothing was expected
 */
public record Figures(long unitId, String code, String name, Rate acknowledged, Rate acknowledgedOnTime, Rate reported,
		Rate reportedOnTime, Rate accepted, long reportsOverdue, long acknowledgementsPending, long reportsPending,
		long incidents, Rate incidentsWithinTarget, long incidentsOpenPastTarget, Integer score) {

}
