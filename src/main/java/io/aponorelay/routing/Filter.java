package io.aponorelay.routing;

import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.aponorelay.config.FilterProperties;

/**
 * The named filters of a webhook and where each looks in the event.
 */
enum Filter {

	INTEGRATIONS("integrations", of("$.data.access_groups[*].integration", "id", "name", "type")),

	RESOURCE_TYPES("resource-types", of("$.data.access_groups[*].resource_types[*]", "id", "name", "display_path"),
			of("$.data.access_groups[*].access_units[*].resource.type", "id", "name", "display_path")),

	RESOURCES("resources", of("$.data.access_groups[*].access_units[*].resource", "id", "name", "path")),

	PERMISSIONS("permissions", of("$.data.access_groups[*].access_units[*].permission", "id", "name")),

	REQUESTERS("requesters", of("$.data.requester", "id", "email", "name")),

	GRANTEES("grantees", of("$.data.grantee", "id", "name", "source_id")),

	ACCESS_FLOWS("access-flows", of("$.data.access_flow", "id", "name")),

	ACCESS_BUNDLES("access-bundles", of("$.data.access_bundle", "id", "name")),

	APPROVAL_TYPES("approval-types", of("$.data.approvals[*]", "type"));

	private final String key;

	private final List<JsonPath> paths;

	@SafeVarargs
	Filter(String key, List<String>... paths) {
		this.key = key;
		this.paths = Stream.of(paths).flatMap(List::stream).map(JsonPaths::compile).toList();
	}

	/** The paths of the given properties below a parent path. */
	private static List<String> of(String parent, String... properties) {
		return Stream.of(properties).map((property) -> parent + "." + property).toList();
	}

	String key() {
		return key;
	}

	List<JsonPath> paths() {
		return paths;
	}

	/** The values a webhook's configuration lists for this filter. */
	List<String> configured(FilterProperties filters) {
		return switch (this) {
			case INTEGRATIONS -> filters.integrations();
			case RESOURCE_TYPES -> filters.resourceTypes();
			case RESOURCES -> filters.resources();
			case PERMISSIONS -> filters.permissions();
			case REQUESTERS -> filters.requesters();
			case GRANTEES -> filters.grantees();
			case ACCESS_FLOWS -> filters.accessFlows();
			case ACCESS_BUNDLES -> filters.accessBundles();
			case APPROVAL_TYPES -> filters.approvalTypes();
		};
	}

}
