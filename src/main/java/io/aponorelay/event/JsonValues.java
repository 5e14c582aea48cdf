package io.aponorelay.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain Java values for JSON: objects are {@link JsonObject}s, arrays {@link JsonArray}s, numbers
 * {@link BigDecimal} or integral types. Handlebars and JSONPath both read them as they are, and
 * they print as JSON.
 */
public final class JsonValues {

	/** Reads strict JSON; floats stay exact, duplicate keys are refused. */
	static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * A mapper that reads what Apono's rendering produces (raw control characters and trailing
	 * commas too) within bounds.
	 */
	static JsonMapper lenient(int maxNestingDepth, int maxStringLength) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(maxNestingDepth)
			.maxStringLength(maxStringLength)
			.build();
		return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA)
			.build();
	}

	/** Jackson's reference to a redacted source, which tells a user nothing. */
	private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(start marker at \\[Source: .*?]\\)");

	private JsonValues() {
	}

	/** Parses strict JSON text into plain Java values. */
	public static @Nullable Object parse(String json) {
		return toJava(STRICT.readTree(json));
	}

	/** Writes a plain Java value (or any value Jackson can write) as JSON text. */
	public static String toJson(@Nullable Object value) {
		return STRICT.writeValueAsString(value);
	}

	/** Describes a JSON parse error for a user: what is wrong and where, without the input itself. */
	public static String describe(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		String where = (location != null && location.getLineNr() > 0)
				? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
		return SOURCE_REFERENCE.matcher(ex.getOriginalMessage()).replaceAll("") + where;
	}

	static @Nullable Object toJava(JsonNode node) {
		if (node.isObject()) {
			JsonObject object = new JsonObject();
			node.properties().forEach((entry) -> object.put(entry.getKey(), toJava(entry.getValue())));
			return object;
		}
		if (node.isArray()) {
			JsonArray array = new JsonArray();
			node.values().forEach((element) -> array.add(toJava(element)));
			return array;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return null;
	}

	/** A JSON object that prints as JSON. */
	public static final class JsonObject extends LinkedHashMap<String, @Nullable Object> {

		public JsonObject() {
		}

		/** An empty object sized for a number of entries. */
		public JsonObject(int entries) {
			super((int) (entries / 0.75f) + 1);
		}

		public JsonObject(Map<String, ? extends @Nullable Object> entries) {
			super(entries);
		}

		@Override
		public String toString() {
			return toJson(this);
		}

	}

	/** A JSON array that prints as JSON. */
	public static final class JsonArray extends ArrayList<@Nullable Object> {

		public JsonArray() {
		}

		/** An empty array sized for a number of elements. */
		public JsonArray(int elements) {
			super(elements);
		}

		@Override
		public String toString() {
			return toJson(this);
		}

	}

}
