package io.aponorelay.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.aponorelay.Fixtures;
import io.aponorelay.RelayClient.Response;
import io.aponorelay.RelayIntegrationTest;
import io.aponorelay.event.JsonValues;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SuppressWarnings("unchecked")
class ExplainHttpTest extends RelayIntegrationTest {

	@Test
	void showsEveryWebhookWithItsReasonsAndTheMaskedRequest() {
		long events = count("relay_event");
		String requestId = java.util.UUID.randomUUID().toString();
		Response response = relay.postJson("/api/explain",
				SampleEvent.json().replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", requestId));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("trigger", "RequestGranted")
			.containsEntry("eventKey", requestId + ":RequestGranted:1796292000.123456000");
		List<Map<String, Object>> webhooks = response.objects("webhooks");
		assertThat(webhooks).extracting((webhook) -> webhook.get("webhook"), (webhook) -> webhook.get("matched"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("reopen-on-grant", true),
					org.assertj.core.groups.Tuple.tuple("created-to-audit", false),
					org.assertj.core.groups.Tuple.tuple("switched-off", false),
					org.assertj.core.groups.Tuple.tuple("read-incidents", false),
					org.assertj.core.groups.Tuple.tuple("nobody-listens", false));

		Map<?, ?> request = (Map<String, Object>) webhooks.get(0).get("request");
		assertThat(request.get("method")).isEqualTo("POST");
		assertThat(request.get("url")).isEqualTo(target.baseUrl() + "/reopen_incident");
		assertThat((Map<String, Object>) request.get("headers")).containsEntry("X-Source", "apono")
			.containsEntry("Content-Type", "application/json");
		assertThat(JsonValues.parse((String) request.get("body"))).isEqualTo(JsonValues.parse("""
				{"username": "****", "secret_key": "****", "requestData": {"version": "0.1",
				 "incident_ids": ["5a62bd8cce983de89085429c", "5a62bd8cce983de89085429b"]}}"""));
		assertThat(response.body()).doesNotContain("it-user-3e1f04").doesNotContain("it-secret-9c2a7b55d1");

		assertThat(webhooks.get(1).get("request")).isNull();
		assertThat(webhooks.get(1).get("checks")).isEqualTo(List.of(Map.of("check", "trigger", "passed", false,
				"expected", List.of("RequestCreated"), "actual", List.of("RequestGranted"))));
		assertThat((List<Object>) webhooks.get(2).get("checks")).first()
			.isEqualTo(Map.of("check", "active", "passed", false, "expected", List.of("true"), "actual", List.of("false")));

		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> target.verify(0, anyRequestedFor(anyUrl()).withHeader("X-Event-Key",
					equalTo(requestId + ":RequestGranted:1796292000.123456000"))));
		assertThat(count("relay_event")).isEqualTo(events);
	}

	@Test
	void explainsAFilterThatFailedWithTheValuesItSaw() {
		String staging = SampleEvent.json().replace("\"prod db\"", "\"staging db\"");
		List<Map<String, Object>> webhooks = relay.postJson("/api/explain", staging).objects("webhooks");
		assertThat(webhooks.get(0)).containsEntry("matched", false).containsEntry("request", null);
		assertThat((List<Object>) webhooks.get(0).get("checks")).contains(Map.of("check", "filters.integrations", "passed", false,
				"expected", List.of("prod db"), "actual", List.of("int-pg-prod", "staging db", "postgresql")));
	}

	@Test
	void refusesAnInvalidEventLikeIngestDoes() {
		Response response = relay.postJson("/api/explain", Fixtures.event("old-without-grantee.json").replace("Approved", "Nope"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
	}

}
