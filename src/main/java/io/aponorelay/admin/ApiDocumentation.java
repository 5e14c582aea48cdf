package io.aponorelay.admin;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: what springdoc finds in the controllers, plus
 * what it cannot see there, since the event endpoints read their bodies themselves: the Apono
 * event as request body, the bearer tokens, and the RFC 9457 problems each call can answer.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OpenApiCustomizer relayApi() {
		return (api) -> {
			api.info(new Info().title("apono-logpoint-relay")
				.version("1")
				.description("Receives Apono access-request webhooks and relays them to Logpoint and other HTTP targets, "
						+ "durably. Errors are RFC 9457 problems."));
			Components components = (api.getComponents() != null) ? api.getComponents() : new Components();
			api.components(components.addSchemas("AponoEvent", aponoEvent())
				.addSchemas("Problem", problem())
				.addSecuritySchemes("apono", bearer("Apono's token, or another relay.ingest.auth mode"))
				.addSecuritySchemes("admin", bearer("An admin token from relay.admin.tokens")));
			api.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				if (path.startsWith("/ingest/")) {
					document(operation, "apono", true, Map.of("400", "Not an Apono event", "401", "Not authenticated",
							"403", "Source not allowed", "413", "Body too large", "415", "Not JSON", "422",
							"Unknown trigger", "429", "Too many requests from this source", "503", "The store is unavailable"));
				}
				else {
					boolean eventBody = path.equals("/api/explain") || path.endsWith("/test");
					document(operation, "admin", eventBody, Map.of("400", "A parameter or the event is invalid", "401",
							"No admin token", "403", "The call needs the operator role", "404", "No such webhook or invocation",
							"409", "The invocation cannot be redelivered now"));
				}
			}));
		};
	}

	private static void document(Operation operation, String security, boolean eventBody, Map<String, String> problems) {
		operation.addSecurityItem(new SecurityRequirement().addList(security));
		if (eventBody) {
			operation.requestBody(new RequestBody().description("An Apono event (for Test, optional: else the sample)")
				.content(new Content().addMediaType("application/json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/AponoEvent")))));
		}
		problems.forEach((status, description) -> operation.getResponses()
			.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
	}

	private static SecurityScheme bearer(String description) {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description(description);
	}

	@SuppressWarnings("rawtypes")
	private static Schema aponoEvent() {
		return new ObjectSchema().description("Apono's webhook payload; unknown fields are kept")
			.addProperty("event_type", new StringSchema().example("RequestGranted"))
			.addProperty("event_time", new StringSchema().example("1796292000.123456000"))
			.addProperty("data", new ObjectSchema().description("The access request: id, requester, grantee, "
					+ "access_groups, approvals, custom_fields, ..."))
			.required(List.of("event_type", "data"));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problem() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Invalid event"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail", new StringSchema().example("The event has no event_type"))
			.addProperty("instance", new StringSchema().example("/ingest/apono"));
	}

}
