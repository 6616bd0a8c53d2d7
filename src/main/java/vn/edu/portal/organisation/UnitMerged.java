package vn.edu.portal.organisation;

import java.time.LocalDate;

/**
 * A unit closed and merged into its successor. Published inside the merging transaction,
 * so that other modules move what belongs to the unit (its accounts, its open work) at
 * once.
 *
 * @param unitId the closed unit
 * @param successorId the unit it merged into
 * @param on the day it closed
 */
public record UnitMerged(long unitId, long successorId, LocalDate on) {
}
