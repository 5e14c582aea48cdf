package io.aponorelay.admin;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.aponorelay.RelayClient;
import io.aponorelay.RelayIntegrationTest;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an on-call engineer reads: health with details for admins, and the relay's metrics.
 */
@SuppressWarnings("unchecked")
class OperationsTest extends RelayIntegrationTest {

	@Test
	void healthShowsTheStoreAndEachWebhooksCircuitToAdminsOnly() {
		Map<String, Object> anonymous = relay.withTokens(null, null).get("/actuator/health").json();
		assertThat(anonymous).containsOnlyKeys("status", "groups").containsEntry("status", "UP");

		Map<String, Object> admin = relay.withTokens(null, VIEWER_TOKEN).get("/actuator/health").json();
		Map<String, Object> components = (Map<String, Object>) admin.get("components");
		assertThat(components).containsKeys("db", "webhooks", "livenessState", "readinessState");
		Map<String, Object> webhooks = (Map<String, Object>) ((Map<String, Object>) components.get("webhooks"))
			.get("details");
		assertThat((Map<String, Object>) webhooks.get("reopen-on-grant")).containsEntry("circuit", "CLOSED")
			.containsKeys("consecutiveFailures", "queueDepth");

		Map<String, Object> readiness = relay.withTokens(null, VIEWER_TOKEN).get("/actuator/health/readiness").json();
		assertThat((Map<String, Object>) readiness.get("components")).containsOnlyKeys("db", "readinessState");
	}

	@Test
	void prometheusHasTheRelaysMetersByWebhookAndOutcome() {
		target.stubFor(post("/reopen_incident").willReturn(okJson("{\"success\": true}")));
		String event = SampleEvent.json().replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", UUID.randomUUID().toString());
		relay.postJson("/ingest/apono", event);
		relay.postJson("/ingest/apono", event);
		RelayClient viewer = relay.withTokens(null, VIEWER_TOKEN);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(viewer.get("/actuator/prometheus").body())
			.contains("relay_deliveries_total{outcome=\"succeeded\",webhook=\"reopen-on-grant\"}"));
		String metrics = viewer.get("/actuator/prometheus").body();
		assertThat(metrics)
			.contains("relay_events_received_total{outcome=\"accepted\",reason=\"none\",trigger=\"RequestGranted\"}")
			.contains("relay_events_received_total{outcome=\"duplicate\",reason=\"none\",trigger=\"RequestGranted\"}")
			.contains("relay_attempt_duration_seconds_bucket{outcome=\"success\",webhook=\"reopen-on-grant\",le=")
			.contains("relay_queue_depth{webhook=\"reopen-on-grant\"}")
			.contains("relay_queue_oldest_age_seconds{webhook=\"created-to-audit\"}")
			.contains("relay_circuit_state{webhook=\"reopen-on-grant\"} 0.0");
	}

}
