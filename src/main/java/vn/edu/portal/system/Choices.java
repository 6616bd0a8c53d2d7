package vn.edu.portal.system;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a list filter's select offers: "all" (the empty value) first, then each value with
 * its label from the messages ({@code messages.VALUE}, after the value itself when
 * {@code coded}), the chosen one selected. Rendered by {@link RenderedOnce#selects}.
 *
 * @param name the select's name and id, the query parameter it sets
 * @param messages the messages' prefix of the labels
 * @param values the values offered, in order
 * @param chosen the value chosen, or {@code null} for all
 * @param coded whether a label starts with its value ({@code BNTT · Bắt nạt trực tuyến})
 */
public record Choices(String name, String messages, List<String> values, String chosen, boolean coded) {

	public Choices {
		values = List.copyOf(values);
	}

	/**
	 * The values of an enum, labelled by their names under the prefix.
	 * @param name the select's name
	 * @param messages the labels' prefix
	 * @param values the values offered
	 * @param chosen the value chosen (an enum constant or its name), or {@code null}
	 * @return the choices
	 */
	public static Choices of(String name, String messages, Enum<?>[] values, Object chosen) {
		return of(name, messages, Arrays.stream(values).map(Enum::name).toList(), chosen);
	}

	/**
	 * Values labelled under the prefix.
	 * @param name the select's name
	 * @param messages the labels' prefix
	 * @param values the values offered
	 * @param chosen the value chosen, compared by its text, or {@code null}; a value not
	 * offered selects nothing, as in a browser, and is not kept apart
	 * @return the choices
	 */
	public static Choices of(String name, String messages, List<String> values, Object chosen) {
		String text = (chosen instanceof Enum<?> constant) ? constant.name() : Objects.toString(chosen, null);
		return new Choices(name, messages, values, (text != null && values.contains(text)) ? text : null, false);
	}

	/**
	 * The same choices, each label after its value.
	 * @return the choices, coded
	 */
	public Choices withCodes() {
		return new Choices(this.name, this.messages, this.values, this.chosen, true);
	}

}
