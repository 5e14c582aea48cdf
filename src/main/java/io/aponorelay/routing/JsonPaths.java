package io.aponorelay.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSONPaths over plain Java JSON values as the flat list of the values found: a missing path
 * finds nothing, and an array found contributes its elements.
 */
public final class JsonPaths {

	private static final Configuration CONFIGURATION = Configuration.builder()
		.jsonProvider(new JsonSmartJsonProvider())
		.mappingProvider(new JsonSmartMappingProvider())
		.options(Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST)
		.build();

	private JsonPaths() {
	}

	/**
	 * Compiles a JSONPath.
	 * @throws com.jayway.jsonpath.InvalidPathException when it does not compile
	 */
	public static JsonPath compile(String path) {
		return JsonPath.compile(path);
	}

	/** The texts of the values a compiled path finds in a document. */
	public static List<String> texts(JsonPath path, Object document) {
		Object found = path.read(document, CONFIGURATION);
		List<String> texts = new ArrayList<>();
		flatten(found, texts);
		return texts;
	}

	private static void flatten(@Nullable Object value, List<String> texts) {
		if (value instanceof Collection<?> values) {
			values.forEach((element) -> flatten(element, texts));
		}
		else {
			texts.add(ValueMatcher.text(value));
		}
	}

}
