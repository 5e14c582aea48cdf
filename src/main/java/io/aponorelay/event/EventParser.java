package io.aponorelay.event;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.aponorelay.event.InvalidEventException.Reason;
import io.aponorelay.event.JsonValues.JsonArray;
import io.aponorelay.event.JsonValues.JsonObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an Apono event as leniently as Apono's Handlebars rendering requires: raw control
 * characters and stray backslashes inside strings, HTML entities in values, numbers written as
 * strings and missing fields are all accepted; unknown fields are kept.
 */
public final class EventParser {

	/** Apono's events nest six levels deep; this leaves room and stops nesting attacks. */
	public static final int DEFAULT_MAX_NESTING_DEPTH = 32;

	public static final int DEFAULT_MAX_STRING_LENGTH = 64 * 1024;

	/** Numbers beyond this scale would print as millions of digits. */
	private static final int MAX_SCALE = 1000;

	private final JsonMapper lenient;

	/** A parser with the default bounds. */
	public EventParser() {
		this(DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH);
	}

	/**
	 * A parser with bounds.
	 * @param maxNestingDepth the deepest nesting of objects and arrays accepted
	 * @param maxStringLength the longest string accepted
	 */
	public EventParser(int maxNestingDepth, int maxStringLength) {
		this.lenient = JsonValues.lenient(maxNestingDepth, maxStringLength);
	}

	/** Fields the payload schema types as numbers, which a template may deliver as strings. */
	private static final List<String> NUMERIC_DATA_FIELDS = List.of("access_duration_in_seconds", "revocation_date");

	static final int MAX_ID_LENGTH = 256;

	static final int MAX_TIME_LENGTH = 64;

	private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,4})?");

	/**
	 * Parses an ingest body.
	 * @throws InvalidEventException when the body is not an Apono event
	 */
	public AponoEvent parse(byte[] body) {
		return parse(decodeUtf8(body));
	}

	/**
	 * Parses an event from text.
	 * @throws InvalidEventException when the text is not an Apono event
	 */
	public AponoEvent parse(String text) {
		JsonNode tree = readTree(text);
		if (!tree.isObject()) {
			throw new InvalidEventException(Reason.MALFORMED, "The body must be a JSON object");
		}
		return event((JsonObject) decoded(tree));
	}

	/**
	 * Reads an event as the store keeps it: strict JSON, already decoded, so nothing in it is
	 * decoded a second time.
	 */
	public AponoEvent parseStored(String json) {
		if (!(JsonValues.parse(json) instanceof JsonObject root)) {
			throw new IllegalStateException("A stored event is not a JSON object");
		}
		return event(root);
	}

	private static AponoEvent event(JsonObject event) {
		if (!(event.get("event_type") instanceof String eventType) || eventType.isBlank()) {
			throw new InvalidEventException(Reason.MALFORMED, "The event has no event_type");
		}
		if (!(event.get("data") instanceof JsonObject data)) {
			throw new InvalidEventException(Reason.MALFORMED, "The event has no data object");
		}
		Trigger trigger = Trigger.parse(eventType)
			.orElseThrow(() -> new InvalidEventException(Reason.UNKNOWN_TRIGGER, "Unknown event_type '" + eventType
					+ "'; accepted: " + Trigger.canonicalNames() + " (also without 'Request' or with 'AccessRequest')"));
		requireScalar(data.get("id"), "data.id", MAX_ID_LENGTH);
		requireScalar(event.get("event_time"), "event_time", MAX_TIME_LENGTH);
		NUMERIC_DATA_FIELDS.forEach((field) -> coerceNumber(data, field));
		return new AponoEvent(trigger, event);
	}

	/** Ids and times make up the event key: text or a number, far shorter than these bounds. */
	private static void requireScalar(@Nullable Object value, String field, int max) {
		if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Boolean) {
			throw new InvalidEventException(Reason.MALFORMED, field + " must be text or a number");
		}
		String text = (value instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(value);
		if (value != null && text.length() > max) {
			throw new InvalidEventException(Reason.MALFORMED, field + " is longer than " + max + " characters");
		}
	}

	/**
	 * The tree as plain Java values in one pass: HTML entities decoded in keys and text, then no NUL
	 * characters (no place in Apono's text, trouble in every store) and no numbers of absurd scale.
	 */
	private static @Nullable Object decoded(JsonNode node) {
		if (node.isObject()) {
			JsonObject object = new JsonObject(node.size());
			node.properties().forEach((entry) -> object.put(decoded(entry.getKey()), decoded(entry.getValue())));
			return object;
		}
		if (node.isArray()) {
			JsonArray array = new JsonArray(node.size());
			node.values().forEach((element) -> array.add(decoded(element)));
			return array;
		}
		if (node.isString()) {
			return decoded(node.stringValue());
		}
		if (node.isNumber()) {
			Number number = node.numberValue();
			if (number instanceof BigDecimal decimal && Math.abs(decimal.scale()) > MAX_SCALE) {
				throw new InvalidEventException(Reason.MALFORMED, "The event contains a number out of range");
			}
			return number;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return null;
	}

	private static String decoded(String text) {
		String decoded = HtmlEntities.decode(text);
		if (decoded.indexOf('\0') >= 0) {
			throw new InvalidEventException(Reason.MALFORMED, "The event contains a NUL character");
		}
		return decoded;
	}

	private static String decodeUtf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidEventException(Reason.MALFORMED, "The body is not valid UTF-8");
		}
	}

	/** Tries the text as it is, then with stray backslashes repaired, then with trailing ones. */
	private JsonNode readTree(String text) {
		JacksonException first;
		try {
			return lenient.readTree(text);
		}
		catch (JacksonException ex) {
			first = ex;
		}
		for (boolean trailingBackslashes : new boolean[] { false, true }) {
			try {
				return lenient.readTree(JsonRepair.repair(text, trailingBackslashes));
			}
			catch (JacksonException ex) {
				// the original error describes the body the user sent
			}
		}
		throw new InvalidEventException(Reason.MALFORMED, "The body is not valid JSON: " + JsonValues.describe(first));
	}

	private static void coerceNumber(JsonObject data, String field) {
		if (data.get(field) instanceof String text) {
			if (text.isBlank()) {
				data.remove(field);
				return;
			}
			if (NUMBER.matcher(text.strip()).matches()) {
				// read as JSON reads numbers, so "3600" becomes exactly what 3600 would
				data.put(field, JsonValues.parse(text.strip()));
			}
		}
	}

}
