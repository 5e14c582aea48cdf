package io.aponorelay.routing;

import java.util.List;
import java.util.function.Function;

import io.aponorelay.event.AponoEvent;

/**
 * A named condition: the values an event has somewhere, and the values that pass.
 */
record Condition(String name, Function<AponoEvent, List<String>> values, ValueMatcher matcher) {

	Check evaluate(AponoEvent event) {
		List<String> actual = values.apply(event).stream().distinct().toList();
		return new Check(name, matcher.matchesAny(actual), matcher.expected(), actual);
	}

}
