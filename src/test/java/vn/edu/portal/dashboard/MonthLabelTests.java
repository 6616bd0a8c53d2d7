package vn.edu.portal.dashboard;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month of the dashboard's charts is labelled MM/yyyy, with its leading zero.
 */
class MonthLabelTests {

	@Test
	void aMonthIsLabelledWithTwoDigitsAndItsYear() {
		assertThat(Dashboards.Month.label(YearMonth.of(2026, 1))).isEqualTo("01/2026");
		assertThat(Dashboards.Month.label(YearMonth.of(2025, 9))).isEqualTo("09/2025");
		assertThat(Dashboards.Month.label(YearMonth.of(2026, 10))).isEqualTo("10/2026");
		assertThat(Dashboards.Month.label(YearMonth.of(2026, 12))).isEqualTo("12/2026");
		assertThat(new Dashboards.Month(YearMonth.of(2026, 3), new Rate(0, 0), new Rate(1, 2)).label())
			.isEqualTo("03/2026");
	}

}
