package io.aponorelay.routing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.aponorelay.event.AponoEvent;

/**
 * A named condition: the values an event has somewhere, and the values that pass. Conditions that
 * look in the same place share a {@code source}, so that an event's values there are read once,
 * however many webhooks filter on them.
 */
record Condition(String name, String source, Function<AponoEvent, List<String>> values, ValueMatcher matcher) {

	Check evaluate(AponoEvent event) {
		List<String> actual = values.apply(event).stream().distinct().toList();
		return new Check(name, matcher.matchesAny(actual), matcher.expected(), actual);
	}

	/** Whether the event passes, reading its values through a cache shared by all routes for this event. */
	boolean passes(AponoEvent event, Map<String, List<String>> read) {
		return matcher.matchesAny(read.computeIfAbsent(source, (key) -> values.apply(event)));
	}

}
