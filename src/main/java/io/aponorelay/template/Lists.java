package io.aponorelay.template;

import java.util.Collection;
import java.util.regex.Pattern;

import io.aponorelay.event.JsonValues;
import io.aponorelay.event.JsonValues.JsonArray;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * The {@code list} helper: a value as a list, whatever form it arrived in. Apono's custom fields
 * arrive as text, so incident ids may be {@code "a,b"}, {@code "a b"} or {@code "[\"a\",\"b\"]"};
 * {@code {{json (list data.custom_fields.incident_ids)}}} writes each as a JSON array.
 */
final class Lists {

	private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

	private static final Pattern BRACKETS = Pattern.compile("^\\[|]$");

	private static final Pattern QUOTES = Pattern.compile("^[\"']|[\"']$");

	private Lists() {
	}

	static JsonArray of(@Nullable Object value) {
		JsonArray list = new JsonArray();
		if (value instanceof Collection<?> values) {
			list.addAll(values);
		}
		else if (value instanceof CharSequence text) {
			String trimmed = text.toString().strip();
			if (trimmed.startsWith("[")) {
				try {
					if (JsonValues.parse(trimmed) instanceof Collection<?> parsed) {
						list.addAll(parsed);
						return list;
					}
				}
				catch (JacksonException ex) {
					// not JSON: split it like any text
				}
			}
			for (String element : SEPARATORS.split(BRACKETS.matcher(trimmed).replaceAll(""))) {
				String cleaned = QUOTES.matcher(element).replaceAll("");
				if (!cleaned.isEmpty()) {
					list.add(cleaned);
				}
			}
		}
		else if (value != null) {
			list.add(value);
		}
		return list;
	}

}
