package io.aponorelay.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import io.aponorelay.config.FilterProperties;
import io.aponorelay.config.FilterProperties.JsonPathFilter;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.Trigger;

/**
 * One webhook's compiled triggers and filters.
 */
final class Route {

	private final WebhookProperties webhook;

	private final Set<Trigger> triggers;

	private final List<Condition> conditions;

	private Route(WebhookProperties webhook, Set<Trigger> triggers, List<Condition> conditions) {
		this.webhook = webhook;
		this.triggers = triggers;
		this.conditions = conditions;
	}

	/**
	 * Compiles a webhook's triggers and filters.
	 * @throws com.jayway.jsonpath.InvalidPathException when a JSONPath filter does not compile
	 */
	static Route compile(WebhookProperties webhook) {
		Set<Trigger> triggers = webhook.triggers()
			.stream()
			.map(Trigger::parse)
			.flatMap(java.util.Optional::stream)
			.collect(Collectors.toUnmodifiableSet());
		return new Route(webhook, triggers, conditions(webhook.filters()));
	}

	private static List<Condition> conditions(FilterProperties filters) {
		List<Condition> conditions = new ArrayList<>();
		for (Filter filter : Filter.values()) {
			List<String> expected = filter.configured(filters);
			if (!expected.isEmpty()) {
				conditions.add(new Condition("filters." + filter.key(), filter.key(), (event) -> texts(filter.paths(), event),
						new ValueMatcher(expected)));
			}
		}
		filters.customFields().forEach((field, expected) -> {
			if (!expected.isEmpty()) {
				conditions.add(new Condition("filters.custom-fields." + field,
						"custom-fields." + field.toLowerCase(Locale.ROOT), (event) -> customField(event, field),
						new ValueMatcher(expected)));
			}
		});
		for (int i = 0; i < filters.jsonPath().size(); i++) {
			JsonPathFilter filter = filters.jsonPath().get(i);
			JsonPath path = JsonPaths.compile(Objects.requireNonNull(filter.path()));
			conditions.add(new Condition("filters.json-path[" + i + "] " + filter.path(), "json-path " + filter.path(),
					(event) -> JsonPaths.texts(path, event.root()), new ValueMatcher(filter.expectedValues())));
		}
		return List.copyOf(conditions);
	}

	String name() {
		return String.valueOf(webhook.name());
	}

	/**
	 * Whether the event triggers this webhook, stopping at the first check that fails.
	 * @param read the event's values read so far, by where they were read, shared by all routes
	 */
	boolean matches(AponoEvent event, Map<String, List<String>> read) {
		if (!webhook.active() || !triggers.contains(event.trigger())) {
			return false;
		}
		for (Condition condition : conditions) {
			if (!condition.passes(event, read)) {
				return false;
			}
		}
		return true;
	}

	/** Every check of this webhook against the event, for the dry run. */
	RouteDecision decide(AponoEvent event) {
		List<Check> checks = new ArrayList<>();
		if (!webhook.active()) {
			checks.add(new Check("active", false, List.of("true"), List.of("false")));
		}
		checks.add(new Check("trigger", triggers.contains(event.trigger()),
				triggers.stream().map(Trigger::canonicalName).sorted().toList(),
				List.of(event.trigger().canonicalName())));
		conditions.forEach((condition) -> checks.add(condition.evaluate(event)));
		return new RouteDecision(name(), checks.stream().allMatch(Check::passed), List.copyOf(checks));
	}

	private static List<String> texts(List<JsonPath> paths, AponoEvent event) {
		return paths.stream().flatMap((path) -> JsonPaths.texts(path, event.root()).stream()).toList();
	}

	/** A custom field's values; field names compare case-insensitively. */
	private static List<String> customField(AponoEvent event, String field) {
		if (!(event.data().get("custom_fields") instanceof Map<?, ?> fields)) {
			return List.of();
		}
		List<String> texts = new ArrayList<>();
		fields.forEach((name, value) -> {
			if (name.toString().toLowerCase(Locale.ROOT).equals(field.toLowerCase(Locale.ROOT))) {
				if (value instanceof List<?> values) {
					values.forEach((element) -> texts.add(ValueMatcher.text(element)));
				}
				else {
					texts.add(ValueMatcher.text(value));
				}
			}
		});
		return texts;
	}

}
