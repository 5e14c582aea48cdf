package io.aponorelay.logpoint;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogpointSimulatorTest {

	private static final String RESOLVED = "5a62bd8cce983de89085429c";

	private static final String CLOSED = "5a62bd8cce983de89085429b";

	private static final String OTHERS = "5a62bd8cce983de89085429e";

	private final LogpointSimulator logpoint = new LogpointSimulator("api", "key");

	@Test
	void refusesWrongCredentialsWith200AndSuccessFalse() {
		assertThat(logpoint.call("reopen_incident", Map.of("username", "api", "secret_key", "nope", "requestData",
				Map.of("version", "0.1", "incident_ids", List.of(RESOLVED)))))
			.isEqualTo(Map.of("success", false, "message", "Authentication Failed"));
		assertThat(logpoint.incident(RESOLVED).status()).isEqualTo("resolved");
	}

	@Test
	void reopensResolvedAndClosedIncidents() {
		assertThat(call("reopen_incident", Map.of("incident_ids", List.of(RESOLVED, CLOSED))))
			.isEqualTo(Map.of("success", true, "message", "Incidents reopened"));
		assertThat(logpoint.incident(RESOLVED).status()).isEqualTo("unresolved");
		assertThat(logpoint.incident(CLOSED).status()).isEqualTo("unresolved");
	}

	@Test
	void refusesToReopenAnUnresolvedIncidentAndChangesNothing() {
		assertThat(call("reopen_incident", Map.of("incident_ids", List.of(RESOLVED, OTHERS))))
			.isEqualTo(Map.of("success", false, "message", "Incident '" + OTHERS + "' is not resolved or closed"));
		assertThat(logpoint.incident(RESOLVED).status()).isEqualTo("resolved");
	}

	@Test
	void resolvesAndClosesOnlyIncidentsAssignedToTheApiUser() {
		assertThat(call("resolve_incident", Map.of("incident_ids", List.of(OTHERS))))
			.containsEntry("success", false)
			.containsEntry("message", "Incident '" + OTHERS + "' is not assigned to the API user");
		assertThat(call("close_incident", Map.of("incident_ids", List.of(OTHERS)))).containsEntry("success", false);
		assertThat(call("assign_incident", Map.of("incident_ids", List.of(OTHERS), "new_assignee", logpoint.apiUserId())))
			.isEqualTo(Map.of("success", true, "message", "Incidents re-assigned"));
		assertThat(call("close_incident", Map.of("incident_ids", List.of(OTHERS))))
			.containsEntry("message", "Incident '" + OTHERS + "' is not resolved");
		assertThat(call("resolve_incident", Map.of("incident_ids", List.of(OTHERS))))
			.isEqualTo(Map.of("success", true, "message", "Incidents resolved"));
		assertThat(call("close_incident", Map.of("incident_ids", List.of(OTHERS))))
			.isEqualTo(Map.of("success", true, "message", "Incidents closed"));
		assertThat(logpoint.incident(OTHERS).status()).isEqualTo("closed");
	}

	@Test
	void addsComments() {
		assertThat(call("add_incident_comment",
				Map.of("states", List.of(Map.of("_id", OTHERS, "comments", List.of("first", "second"))))))
			.isEqualTo(Map.of("success", true, "message", "Comments added"));
		assertThat(logpoint.incident(OTHERS).comments()).containsExactly("first", "second");
	}

	@Test
	void refusesIdsThatAreNotObjectIds() {
		assertThat(call("reopen_incident", Map.of("incident_ids", List.of("INC-1"))))
			.isEqualTo(Map.of("success", false, "message", "Invalid incident id 'INC-1'"));
	}

	@Test
	void hasNoOtherEndpoints() {
		assertThat(logpoint.call("create_incident", Map.of())).isNull();
	}

	private Map<String, Object> call(String endpoint, Map<String, Object> requestData) {
		Map<String, Object> data = new java.util.HashMap<>(requestData);
		data.put("version", "0.1");
		return logpoint.call(endpoint, Map.of("username", "api", "secret_key", "key", "requestData", data));
	}

}
