package io.aponorelay.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.aponorelay.config.ConfigurationCheck;
import io.aponorelay.config.ConfigurationProblems;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.ValidatorProperties;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.event.JsonValues.JsonObject;
import io.aponorelay.routing.JsonPaths;
import io.aponorelay.routing.ValueMatcher;
import io.aponorelay.store.AttemptRecord.ValidatorResult;
import org.springframework.stereotype.Component;

/**
 * Each webhook's response validators, compiled once: JSONPaths into the response envelope with
 * the values that pass.
 */
@Component
class ResponseValidators implements ConfigurationCheck {

	private final Map<String, List<Validator>> validators = new HashMap<>();

	ResponseValidators(RelayProperties relay) {
		for (WebhookProperties webhook : relay.webhooks()) {
			try {
				validators.putIfAbsent(String.valueOf(webhook.name()),
						webhook.effectiveValidators().stream().map(Validator::compile).toList());
			}
			catch (InvalidPathException | NullPointerException ex) {
				// check() reports it, and the relay does not start
			}
		}
	}

	/** Every validator of a webhook applied to a response envelope. */
	List<ValidatorResult> validate(String webhook, JsonObject envelope) {
		return validators.getOrDefault(webhook, List.of()).stream().map((validator) -> validator.apply(envelope)).toList();
	}

	@Override
	public void check(RelayProperties relay, ConfigurationProblems problems) {
		for (int i = 0; i < relay.webhooks().size(); i++) {
			WebhookProperties webhook = relay.webhooks().get(i);
			for (int v = 0; v < webhook.responseValidators().size(); v++) {
				String path = webhook.responseValidators().get(v).jsonPath();
				String field = "response-validators[" + v + "].json-path";
				if (path == null || path.isBlank()) {
					problems.add(i, webhook, field, "is required");
					continue;
				}
				try {
					JsonPaths.compile(path);
				}
				catch (InvalidPathException ex) {
					problems.add(i, webhook, field, "'" + path + "' does not compile: " + ex.getMessage().strip());
				}
			}
		}
	}

	private record Validator(String source, JsonPath path, ValueMatcher matcher, String errorMessage) {

		static Validator compile(ValidatorProperties properties) {
			String source = java.util.Objects.requireNonNull(properties.jsonPath());
			return new Validator(source, JsonPaths.compile(source), new ValueMatcher(properties.expectedValues()),
					(properties.errorMessage() != null) ? properties.errorMessage() : "");
		}

		ValidatorResult apply(JsonObject envelope) {
			List<String> actual = new ArrayList<>(JsonPaths.texts(path, envelope));
			boolean passed = matcher.matchesAny(actual);
			String message = null;
			if (!passed) {
				String found = actual.isEmpty() ? "nothing" : actual.toString();
				String detail = "expected one of " + matcher.expected() + " at " + source + ", found " + found;
				message = errorMessage.isBlank() ? detail : errorMessage + " (" + detail + ")";
			}
			return new ValidatorResult(source, matcher.expected(), actual, passed, message);
		}

	}

}
