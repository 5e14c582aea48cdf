package io.aponorelay.template;

import io.aponorelay.event.JsonValues;
import tools.jackson.core.JacksonException;

/**
 * Checks that a rendered body is the JSON its content type promises.
 */
final class JsonBodies {

	private JsonBodies() {
	}

	static void requireJson(String body) {
		try {
			JsonValues.parse(body);
		}
		catch (JacksonException ex) {
			throw new TemplateException("body-template", "the rendered body is not valid JSON: " + JsonValues.describe(ex));
		}
	}

}
