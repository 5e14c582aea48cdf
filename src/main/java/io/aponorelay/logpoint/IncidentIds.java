package io.aponorelay.logpoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.aponorelay.event.JsonValues;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Reads incident ids from what the {@code incident-ids} template rendered: a JSON array, a JSON
 * string, or text such as {@code "a,b"}. Each must be an incident's object id, 24 hex digits.
 */
final class IncidentIds {

	private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

	private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

	private IncidentIds() {
	}

	/**
	 * The ids in rendered text.
	 * @throws IllegalArgumentException naming the first value that is not an object id
	 */
	static List<String> read(String rendered) {
		List<String> ids = new ArrayList<>();
		for (Object value : values(rendered.strip())) {
			String id = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
			if (!OBJECT_ID.matcher(id).matches()) {
				throw new IllegalArgumentException("incident id '" + value + "' is not an object id of 24 hex digits");
			}
			ids.add(id);
		}
		if (ids.isEmpty()) {
			throw new IllegalArgumentException("the event names no incident ids");
		}
		return ids;
	}

	private static Collection<?> values(String rendered) {
		try {
			Object parsed = JsonValues.parse(rendered);
			if (parsed instanceof Collection<?> values) {
				return values;
			}
			if (parsed instanceof String text) {
				return split(text);
			}
		}
		catch (JacksonException ex) {
			// not JSON: text to split
		}
		return split(rendered);
	}

	private static List<String> split(@Nullable String text) {
		return (text == null || text.isBlank()) ? List.of()
				: List.of(SEPARATORS.split(text.strip().replaceAll("^\\[|]$", "")))
					.stream()
					.map((id) -> id.replaceAll("^[\"']|[\"']$", ""))
					.filter((id) -> !id.isEmpty())
					.toList();
	}

}
