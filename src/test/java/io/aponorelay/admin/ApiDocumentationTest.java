package io.aponorelay.admin;

import java.util.Map;

import io.aponorelay.RelayClient.Response;
import io.aponorelay.RelayIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class ApiDocumentationTest extends RelayIntegrationTest {

	@Test
	void theOpenApiDescriptionHasEveryEndpointWithItsProblems() {
		Response response = relay.withTokens(null, null).get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> paths = (Map<String, Object>) response.json().get("paths");
		assertThat(paths).containsKeys("/ingest/apono", "/api/explain", "/api/webhooks", "/api/webhooks/{name}/test",
				"/api/invocations", "/api/invocations/{id}", "/api/invocations/{id}/redeliver", "/api/invocations/redeliver",
				"/api/logpoint/check")
			.doesNotContainKeys("/logpoint-simulator/{endpoint}", "/actuator/health");
		Map<String, Object> ingest = (Map<String, Object>) ((Map<String, Object>) paths.get("/ingest/apono")).get("post");
		assertThat((Map<String, Object>) ingest.get("responses")).containsKeys("202", "400", "401", "413", "415", "422",
				"429", "503");
		assertThat(ingest.get("requestBody")).asString().contains("#/components/schemas/AponoEvent");
		assertThat(response.body()).contains("application/problem+json").contains("\"Problem\"");
	}

}
