package vn.edu.portal.system;

import java.time.DayOfWeek;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a filter's select offers is the key its HTML is kept by: the value chosen is kept
 * only when it is offered, so that crafted values neither select anything nor make a kept
 * copy each.
 */
class ChoicesTests {

	@Test
	void anEnumIsOfferedAndChosenByItsNames() {
		Choices days = Choices.of("day", "day", DayOfWeek.values(), DayOfWeek.MONDAY);

		assertThat(days.values()).hasSize(7).startsWith("MONDAY", "TUESDAY");
		assertThat(days.chosen()).isEqualTo("MONDAY");
		assertThat(Choices.of("day", "day", DayOfWeek.values(), "SUNDAY").chosen()).isEqualTo("SUNDAY");
		assertThat(days.withCodes().coded()).isTrue();
		assertThat(days.coded()).isFalse();
	}

	@Test
	void aValueNotOfferedChoosesNothingAndIsTheSameKeyAsNone() {
		List<String> severities = List.of("1", "2", "3", "4");

		assertThat(Choices.of("severity", "incident.severity", severities, 3).chosen()).isEqualTo("3");
		for (Object crafted : new Object[] { 9, "<script>", "", " 3" }) {
			Choices choices = Choices.of("severity", "incident.severity", severities, crafted);
			assertThat(choices.chosen()).as(String.valueOf(crafted)).isNull();
			assertThat(choices).isEqualTo(Choices.of("severity", "incident.severity", severities, null));
		}
	}

}
