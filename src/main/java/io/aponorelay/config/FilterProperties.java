package io.aponorelay.config;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Conditions on an event. Each listed filter must match; within a filter any listed value
 * matches. Values compare case-insensitively and {@code *} is a wildcard. An empty list is no
 * condition.
 *
 * @param integrations {@code access_groups[].integration} id, name or type
 * @param resourceTypes resource type id, name or display path
 * @param resources {@code access_units[].resource} id, name or path
 * @param permissions {@code access_units[].permission} id or name
 * @param requesters requester id, email or name
 * @param grantees grantee id, name or source id
 * @param accessFlows access flow id or name
 * @param accessBundles access bundle id or name
 * @param approvalTypes {@code approvals[].type}
 * @param customFields {@code custom_fields.<name>}, by field name
 * @param jsonPath any JSONPath over the event with the values it may have
 */
public record FilterProperties(@Nullable List<String> integrations, @Nullable List<String> resourceTypes,
		@Nullable List<String> resources, @Nullable List<String> permissions, @Nullable List<String> requesters,
		@Nullable List<String> grantees, @Nullable List<String> accessFlows, @Nullable List<String> accessBundles,
		@Nullable List<String> approvalTypes, @Nullable Map<String, List<String>> customFields,
		@Nullable List<JsonPathFilter> jsonPath) {

	static final FilterProperties NONE = new FilterProperties(null, null, null, null, null, null, null, null, null,
			null, null);

	public FilterProperties {
		integrations = copy(integrations);
		resourceTypes = copy(resourceTypes);
		resources = copy(resources);
		permissions = copy(permissions);
		requesters = copy(requesters);
		grantees = copy(grantees);
		accessFlows = copy(accessFlows);
		accessBundles = copy(accessBundles);
		approvalTypes = copy(approvalTypes);
		customFields = (customFields != null) ? Map.copyOf(customFields) : Map.of();
		jsonPath = (jsonPath != null) ? List.copyOf(jsonPath) : List.of();
	}

	private static List<String> copy(@Nullable List<String> values) {
		return (values != null) ? List.copyOf(values) : List.of();
	}

	/**
	 * A generic filter: the values found at a JSONPath over the event.
	 *
	 * @param path the JSONPath, for example {@code $.data.access_duration_in_seconds}
	 * @param expectedValues the values that match; any one suffices
	 */
	public record JsonPathFilter(@Nullable String path, @Nullable List<String> expectedValues) {

		public JsonPathFilter {
			expectedValues = (expectedValues != null) ? List.copyOf(expectedValues) : List.of();
		}

	}

}
