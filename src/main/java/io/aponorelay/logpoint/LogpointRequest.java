package io.aponorelay.logpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aponorelay.config.LogpointPreset.Action;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.JsonValues;
import io.aponorelay.template.RenderedRequest;
import io.aponorelay.template.RequestBuilder;
import io.aponorelay.template.TemplateException;
import io.aponorelay.template.TextTemplate;
import org.jspecify.annotations.Nullable;

/**
 * The exact request of a Logpoint incident call: {@code POST <appliance>/<action>} with
 * {@code {"username", "secret_key", "requestData": {"version": "0.1", ...}}}, the body written
 * as JSON by code, so no value can break it.
 */
record LogpointRequest(Action action, String url, String username, String secretKey, TextTemplate incidentIds,
		@Nullable TextTemplate assignee, @Nullable TextTemplate comment) implements RequestBuilder {

	@Override
	public RenderedRequest render(AponoEvent event, String eventKey) {
		List<String> ids;
		try {
			ids = IncidentIds.read(incidentIds.render(event, eventKey));
		}
		catch (IllegalArgumentException ex) {
			throw new TemplateException("logpoint.incident-ids", ex.getMessage());
		}
		Map<String, Object> requestData = new LinkedHashMap<>();
		requestData.put("version", "0.1");
		switch (action) {
			case ADD_INCIDENT_COMMENT -> {
				String text = render(comment, event, eventKey);
				requestData.put("states",
						ids.stream().map((id) -> Map.of("_id", id, "comments", List.of(text))).toList());
			}
			case ASSIGN_INCIDENT -> {
				requestData.put("incident_ids", ids);
				requestData.put("new_assignee", render(assignee, event, eventKey).strip());
			}
			default -> requestData.put("incident_ids", ids);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("secret_key", secretKey);
		body.put("requestData", requestData);
		return new RenderedRequest("POST", url, Map.of("Content-Type", "application/json"), JsonValues.toJson(body));
	}

	private static String render(@Nullable TextTemplate template, AponoEvent event, String eventKey) {
		return (template != null) ? template.render(event, eventKey) : "";
	}

}
