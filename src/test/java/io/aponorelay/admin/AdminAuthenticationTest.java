package io.aponorelay.admin;

import io.aponorelay.RelayClient;
import io.aponorelay.RelayIntegrationTest;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins authenticate with their own bearer tokens: a viewer reads, an operator also sends; the
 * ingest secret opens nothing here; Actuator shows health to anyone and the rest to admins only.
 */
class AdminAuthenticationTest extends RelayIntegrationTest {

	@Test
	void theApiNeedsAnAdminToken() {
		RelayClient anonymous = relay.withTokens(INGEST_TOKEN, null);
		assertThat(anonymous.get("/api/webhooks").status()).isEqualTo(401);
		assertThat(anonymous.get("/api/webhooks").contentType()).isEqualTo("application/problem+json");
		assertThat(relay.withTokens(INGEST_TOKEN, INGEST_TOKEN).get("/api/invocations").status())
			.as("the ingest token is no admin token").isEqualTo(401);
		assertThat(relay.withTokens(INGEST_TOKEN, "it-admin-operator-7d3a9e2cX").get("/api/webhooks").status())
			.isEqualTo(401);
	}

	@Test
	void aViewerReadsButDoesNotSend() {
		RelayClient viewer = relay.withTokens(INGEST_TOKEN, VIEWER_TOKEN);
		assertThat(viewer.get("/api/webhooks").status()).isEqualTo(200);
		assertThat(viewer.get("/api/invocations").status()).isEqualTo(200);
		assertThat(viewer.postJson("/api/explain", SampleEvent.json()).status()).isEqualTo(200);
		assertThat(viewer.post("/api/webhooks/created-to-audit/test", null, new byte[0]).status()).isEqualTo(403);
		assertThat(viewer.post("/api/invocations/redeliver?status=FAILED", null, new byte[0]).status()).isEqualTo(403);
		assertThat(viewer.post("/api/invocations/any-id/redeliver", null, new byte[0]).json())
			.containsEntry("status", 403)
			.containsEntry("detail", "This call needs the operator role; the token of 'victor' has VIEWER");
	}

	@Test
	void aViewerCannotActThroughAnEncodedOrDecoratedPath() {
		RelayClient viewer = relay.withTokens(INGEST_TOKEN, VIEWER_TOKEN);
		for (String path : new String[] { "/api/webhooks/created-to-audit/tes%74", "/api/invocations/any-id/%72edeliver",
				"/api/invocations/%72edeliver?status=RETRYING", "/api/invocations/redeliver;x=1?status=FAILED",
				"/api/webhooks/created-to-audit/test/", "/api/%65xplain/../webhooks/created-to-audit/test" }) {
			assertThat(viewer.post(path, null, new byte[0]).status()).as(path).isIn(403, 400);
		}
		assertThat(viewer.postJson("/api/%65xplain", SampleEvent.json()).status()).isEqualTo(200);
	}

	@Test
	void anOperatorAlsoSends() {
		target.stubFor(post("/audit").willReturn(okJson("{}")));
		assertThat(relay.post("/api/webhooks/created-to-audit/test", null, new byte[0]).status()).isEqualTo(200);
	}

	@Test
	void anAdminTokenDoesNotAuthenticateAtIngest() {
		assertThat(relay.withTokens(OPERATOR_TOKEN, OPERATOR_TOKEN).postJson("/ingest/apono", SampleEvent.json()).status())
			.isEqualTo(401);
	}

	@Test
	void actuatorShowsHealthToAnyoneAndTheRestToAdminsWithValuesHidden() {
		RelayClient anonymous = relay.withTokens(null, null);
		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(anonymous.get("/actuator/env").status()).isEqualTo(401);

		relay.postJson("/ingest/apono", SampleEvent.json().replace("5f0c8f0e", java.util.UUID.randomUUID().toString()));
		RelayClient viewer = relay.withTokens(null, VIEWER_TOKEN);
		assertThat(viewer.get("/actuator/prometheus").body()).contains("relay_events_received_total");
		for (String endpoint : new String[] { "/actuator/env", "/actuator/configprops" }) {
			String body = viewer.get(endpoint).body();
			assertThat(body).contains("relay").doesNotContain("it-secret-9c2a7b55d1").doesNotContain("it-user-3e1f04")
				.doesNotContain(INGEST_TOKEN).doesNotContain(OPERATOR_TOKEN).doesNotContain(VIEWER_TOKEN);
		}
	}

}
