package vn.edu.portal.dashboard;

/**
 * A rate with both its numbers: "85% (17/20)"; nothing expected is no rate at all ("—"),
 * never 0% or 100%.
 *
 * @param done how many were done
 * @param expected how many were expected
 */
public record Rate(long done, long expected) {

	/** The share done, 0 to 1; {@code null} when nothing was expected. */
	public Double share() {
		return (this.expected == 0) ? null : (double) this.done / this.expected;
	}

	/** The percentage, rounded down so that 99.6% of a deadline is not shown as 100%. */
	public Integer percent() {
		return (this.expected == 0) ? null : (int) Math.floor(100.0 * this.done / this.expected);
	}

	/** "85% (17/20)", or "—". */
	public String text() {
		return (this.expected == 0) ? "—" : percent() + "% (" + this.done + "/" + this.expected + ")";
	}

}
