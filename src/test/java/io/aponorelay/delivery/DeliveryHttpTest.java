package io.aponorelay.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import io.aponorelay.Fixtures;
import io.aponorelay.RelayClient.Response;
import io.aponorelay.RelayIntegrationTest;
import io.aponorelay.event.JsonValues;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery end to end, WireMock playing Logpoint over real HTTP.
 */
@SuppressWarnings("unchecked")
class DeliveryHttpTest extends RelayIntegrationTest {

	private static final String LOGPOINT_BODY = """
			{"username": "it-user-3e1f04", "secret_key": "it-secret-9c2a7b55d1",
			 "requestData": {"version": "0.1", "incident_ids": ["5a62bd8cce983de89085429c", "5a62bd8cce983de89085429b"]}}""";

	@Test
	void anIngestedEventReachesLogpointAndItsInvocationShowsWhatHappened() {
		target.stubFor(post("/reopen_incident").willReturn(okJson("{\"success\": true, \"message\": \"Incidents reopened\"}")));
		String event = SampleEvent.json().replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", UUID.randomUUID().toString());

		Response accepted = relay.postJson("/ingest/apono", event);
		assertThat(accepted.status()).isEqualTo(202);
		String key = (String) accepted.json().get("eventKey");
		String id = (String) accepted.objects("deliveries").get(0).get("invocationId");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> target.verify(1, postRequestedFor(urlEqualTo("/reopen_incident"))
				.withHeader("X-Event-Key", equalTo(key))
				.withHeader("X-Source", equalTo("apono"))
				.withHeader("Content-Type", equalTo("application/json"))
				.withRequestBody(equalToJson(LOGPOINT_BODY))));
		Map<String, Object> invocation = await().atMost(Duration.ofSeconds(5))
			.until(() -> relay.get("/api/invocations/" + id).json(), (record) -> "SUCCEEDED".equals(record.get("status")));

		assertThat(invocation).containsEntry("webhook", "reopen-on-grant")
			.containsEntry("eventKey", key)
			.containsEntry("trigger", "RequestGranted")
			.containsEntry("kind", "EVENT")
			.containsEntry("attemptCount", 1)
			.containsEntry("lastError", null);
		Map<String, Object> attempt = attempts(invocation).get(0);
		assertThat(attempt).containsEntry("number", 1).containsEntry("succeeded", true).containsEntry("error", null);
		assertThat((Integer) attempt.get("durationMs")).isNotNegative();
		Map<String, Object> request = (Map<String, Object>) attempt.get("request");
		assertThat(request).containsEntry("method", "POST").containsEntry("url", target.baseUrl() + "/reopen_incident");
		assertThat(JsonValues.parse((String) request.get("body"))).isEqualTo(JsonValues.parse(
				LOGPOINT_BODY.replace("it-user-3e1f04", "****").replace("it-secret-9c2a7b55d1", "****")));
		Map<String, Object> response = (Map<String, Object>) attempt.get("response");
		assertThat(response).containsEntry("status", 200)
			.containsEntry("body", "{\"success\": true, \"message\": \"Incidents reopened\"}")
			.containsEntry("truncated", false);
		Map<String, Object> passed = new java.util.HashMap<>(Map.of("path", "$.data.success", "expected", List.of("true"),
				"actual", List.of("true"), "passed", true));
		passed.put("message", null);
		assertThat(attempt.get("validators")).isEqualTo(List.of(passed));
	}

	@Test
	void logpointsSuccessFalseIsAFailedAttemptThatShowsItsMessage() {
		target.stubFor(post("/reopen_incident").willReturn(okJson("{\"success\": false, \"message\": \"Authentication Failed\"}")));
		Map<String, Object> invocation = test("reopen-on-grant");
		assertThat(invocation).containsEntry("status", "FAILED").containsEntry("kind", "TEST");
		Map<String, Object> attempt = attempts(invocation).get(0);
		assertThat(attempt).containsEntry("succeeded", false);
		assertThat((Map<String, Object>) attempt.get("error")).containsEntry("kind", "VALIDATION")
			.containsEntry("message", "Response validation failed: Logpoint refused the request (expected one of [true] at "
					+ "$.data.success, found [false]); the target said: Authentication Failed");
		assertThat(((List<Map<String, Object>>) attempt.get("validators")).get(0)).containsEntry("passed", false)
			.containsEntry("actual", List.of("false"));
		assertThat((String) invocation.get("lastError")).contains("Authentication Failed");
	}

	@Test
	void aClientErrorIsPermanent() {
		target.stubFor(post("/reopen_incident").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Not Found</body></html>")));
		Map<String, Object> invocation = test("reopen-on-grant");
		assertThat(invocation).containsEntry("status", "FAILED");
		Map<String, Object> attempt = attempts(invocation).get(0);
		assertThat((Map<String, Object>) attempt.get("error")).containsEntry("kind", "HTTP_STATUS")
			.containsEntry("message", "HTTP 404");
		assertThat((Map<String, Object>) attempt.get("response")).containsEntry("status", 404)
			.containsEntry("body", "<html><body>Not Found</body></html>");
		assertThat(((List<Map<String, Object>>) attempt.get("validators")).get(0)).containsEntry("passed", false)
			.containsEntry("actual", List.of());
	}

	@Test
	void aServerErrorIsRetriedAfterItsRetryAfter() {
		target.stubFor(post("/reopen_incident").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
		String event = SampleEvent.json().replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", UUID.randomUUID().toString());
		String id = (String) relay.postJson("/ingest/apono", event).objects("deliveries").get(0).get("invocationId");

		Map<String, Object> invocation = await().atMost(Duration.ofSeconds(10))
			.until(() -> relay.get("/api/invocations/" + id).json(), (record) -> "RETRYING".equals(record.get("status")));

		assertThat(invocation).containsEntry("lastError", "HTTP 503").containsEntry("attemptCount", 1);
		assertThat(java.time.Instant.parse((String) invocation.get("nextAttemptAt")))
			.isBetween(java.time.Instant.now().plusSeconds(100), java.time.Instant.now().plusSeconds(121));
		assertThat((Map<String, Object>) attempts(invocation).get(0).get("response")).containsEntry("status", 503);
	}

	@Test
	void theTestButtonSendsOnceAndDoesNotRetry() {
		target.stubFor(post("/reopen_incident").willReturn(aResponse().withStatus(503)));
		Map<String, Object> invocation = test("reopen-on-grant");
		assertThat(invocation).containsEntry("status", "FAILED").containsEntry("nextAttemptAt", null);
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).untilAsserted(
				() -> assertThat(relay.get("/api/invocations/" + invocation.get("id")).json()).containsEntry("attemptCount", 1));
	}

	@Test
	void aNonJsonAnswerIsValidatedAsText() {
		target.stubFor(post("/reopen_incident").willReturn(aResponse().withStatus(200).withBody("OK")));
		Map<String, Object> invocation = test("reopen-on-grant");
		assertThat(invocation).containsEntry("status", "FAILED");
		assertThat(((List<Map<String, Object>>) attempts(invocation).get(0).get("validators")).get(0))
			.containsEntry("actual", List.of());
		assertThat((Map<String, Object>) attempts(invocation).get(0).get("response")).containsEntry("body", "OK");
	}

	@Test
	void aLargeAnswerIsRecordedUpTo64KiB() {
		String large = "{\"success\": true, \"message\": \"" + "x".repeat(200_000) + "\"}";
		target.stubFor(post("/reopen_incident").willReturn(okJson(large)));
		Map<String, Object> invocation = test("reopen-on-grant");
		assertThat(invocation).containsEntry("status", "SUCCEEDED");
		Map<String, Object> response = (Map<String, Object>) attempts(invocation).get(0).get("response");
		assertThat(response).containsEntry("truncated", true);
		assertThat((String) response.get("body")).hasSize(64 * 1024).isEqualTo(large.substring(0, 64 * 1024));
	}

	@Test
	void aTargetThatNeverAnswersFailsByTheTimeout() {
		target.stubFor(post("/reopen_incident").willReturn(okJson("{\"success\": true}").withFixedDelay(30_000)));
		Map<String, Object> invocation = test("reopen-on-grant");
		Map<String, Object> attempt = attempts(invocation).get(0);
		assertThat((Map<String, Object>) attempt.get("error")).containsEntry("kind", "TIMEOUT");
		assertThat((Integer) attempt.get("durationMs")).isBetween(2000, 3000);
		assertThat(invocation).containsEntry("status", "FAILED");
	}

	@Test
	void aTargetThatTricklesItsAnswerFailsByTheTimeout() {
		target.stubFor(post("/reopen_incident").willReturn(okJson("{\"success\": true, \"message\": \"" + "x".repeat(4000) + "\"}")
			.withChunkedDribbleDelay(40, 20_000)));
		Map<String, Object> invocation = test("reopen-on-grant");
		Map<String, Object> attempt = attempts(invocation).get(0);
		assertThat((Map<String, Object>) attempt.get("error")).containsEntry("kind", "TIMEOUT");
		assertThat((Integer) attempt.get("durationMs")).isBetween(2000, 3000);
	}

	@Test
	void aResetConnectionIsAConnectionError() {
		target.stubFor(post("/reopen_incident").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		Map<String, Object> attempt = attempts(test("reopen-on-grant")).get(0);
		assertThat((Map<String, Object>) attempt.get("error")).containsEntry("kind", "CONNECTION");
	}

	@Test
	void aRefusedConnectionSaysSo() {
		Map<String, Object> invocation = test("nobody-listens");
		assertThat((Map<String, Object>) attempts(invocation).get(0).get("error")).containsEntry("kind", "CONNECTION_REFUSED")
			.containsEntry("message", "Connection refused");
	}

	@Test
	void getRequestsCarryTheirBody() {
		target.stubFor(get("/incidents").willReturn(okJson("{\"success\": true, \"message\": \"ok\", \"incidents\": []}")));
		Map<String, Object> invocation = test("read-incidents");
		assertThat(invocation).containsEntry("status", "SUCCEEDED");
		target.verify(getRequestedFor(urlEqualTo("/incidents")).withRequestBody(equalToJson("""
				{"username": "it-user-3e1f04", "secret_key": "it-secret-9c2a7b55d1",
				 "requestData": {"version": "0.1", "ts_from": 1796291940, "ts_to": 1796295540}}""")));
	}

	@Test
	void headersTheHttpClientSetsItselfAreLeftOutAndATemplateMayNameTheUserAgent() {
		target.stubFor(get("/incidents").willReturn(okJson("{\"success\": true, \"message\": \"ok\", \"incidents\": []}")));
		Map<String, Object> invocation = test("read-incidents");
		assertThat(invocation).containsEntry("status", "SUCCEEDED");
		target.verify(getRequestedFor(urlEqualTo("/incidents")).withHeader("User-Agent", equalTo("relay-under-test"))
			.withoutHeader("Connection")
			.withHeader("Content-Length", notMatching("5")));
	}

	@Test
	void anAnswerBeyondOneMebibyteIsReadUpToItAndRecordedAsTruncated() {
		String huge = "{\"success\": true, \"message\": \"" + "y".repeat(3 * 1024 * 1024) + "\"}";
		target.stubFor(post("/reopen_incident").willReturn(okJson(huge)));
		Map<String, Object> invocation = test("reopen-on-grant");
		Map<String, Object> response = (Map<String, Object>) attempts(invocation).get(0).get("response");
		assertThat(response).containsEntry("status", 200).containsEntry("truncated", true);
		assertThat((String) response.get("body")).isEqualTo(huge.substring(0, 64 * 1024));
	}

	@Test
	void testSendsTheGivenEventIgnoringTriggersAndFilters() {
		target.stubFor(post("/audit").willReturn(okJson("{}")));
		String event = SampleEvent.json().replace("Investigating incident INC-311", "Given by the test");
		Response response = relay.postJson("/api/webhooks/created-to-audit/test", event);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("status", "SUCCEEDED").containsEntry("trigger", "RequestGranted");
		target.verify(postRequestedFor(urlEqualTo("/audit")).withRequestBody(equalToJson(
				"{\"request\": \"AR-1042\", \"by\": \"alice@example.com\", \"why\": \"Given by the test on the orders database\"}")));
	}

	@Test
	void htmlEntitiesAreDecodedOnceOnly() {
		target.stubFor(post("/audit").willReturn(okJson("{}")));
		String event = Fixtures.event("created-two-integrations.json")
			.replace("a1b2c3d4-0000-4000-8000-000000000001", UUID.randomUUID().toString())
			.replace("Quarterly audit of billing tables", "a &amp;lt;b&amp;gt; c");
		String key = (String) relay.postJson("/ingest/apono", event).json().get("eventKey");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> target.verify(postRequestedFor(urlEqualTo("/audit"))
			.withRequestBody(equalToJson("{\"request\": \"AR-123\", \"by\": \"Dana.Scully@Example.com\", "
					+ "\"why\": \"a &lt;b&gt; c\"}"))));
		assertThat(jdbc.sql("SELECT payload FROM relay_event WHERE event_key = ?").param(key).query(String.class).single())
			.contains("a &lt;b&gt; c");
	}

	@Test
	void testOfAnUnknownWebhookIsNotFound() {
		Response response = relay.post("/api/webhooks/nope/test", null, new byte[0]);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void redeliverSendsAStoredInvocationAgain() {
		target.stubFor(post("/reopen_incident").willReturn(okJson("{\"success\": false, \"message\": \"Authentication Failed\"}")));
		Map<String, Object> failed = test("reopen-on-grant");
		assertThat(failed).containsEntry("status", "FAILED");
		target.stubFor(post("/reopen_incident").willReturn(okJson("{\"success\": true, \"message\": \"Incidents reopened\"}")));

		Response redelivered = relay.post("/api/invocations/" + failed.get("id") + "/redeliver", null, new byte[0]);

		assertThat(redelivered.status()).isEqualTo(200);
		assertThat(redelivered.json()).containsEntry("status", "SUCCEEDED").containsEntry("attemptCount", 2);
		assertThat(attempts(redelivered.json())).extracting((attempt) -> attempt.get("succeeded")).containsExactly(false, true);
		assertThat(relay.post("/api/invocations/" + UUID.randomUUID() + "/redeliver", null, new byte[0]).status())
			.isEqualTo(404);
	}

	@Test
	void listsInvocationsNewestFirstByWebhookAndStatus() {
		target.stubFor(post("/audit").willReturn(okJson("{}")));
		String first = (String) test("created-to-audit").get("id");
		String second = (String) test("created-to-audit").get("id");
		List<Object> listed = (List<Object>) relay.get("/api/invocations?webhook=created-to-audit&status=succeeded&limit=2")
			.jsonList();
		assertThat(listed).extracting((invocation) -> ((Map<String, Object>) invocation).get("id"))
			.containsExactly(second, first);
		assertThat(relay.get("/api/invocations?status=bogus").status()).isEqualTo(400);
		assertThat(relay.get("/api/invocations/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void noSecretValueAppearsInAnyInvocationRecord() {
		String echo = "{\"success\": false, \"message\": \"Bad key it-secret-9c2a7b55d1 for it-user-3e1f04\"}";
		target.stubFor(post("/reopen_incident").willReturn(okJson(echo).withHeader("X-Echo", "it-secret-9c2a7b55d1")));
		target.stubFor(get("/incidents").willReturn(okJson(echo)));
		target.stubFor(post("/audit").willReturn(okJson(echo)));
		test("reopen-on-grant");
		Map<String, Object> read = test("read-incidents");
		assertThat(((List<Map<String, Object>>) attempts(read).get(0).get("validators")).get(0))
			.containsEntry("actual", List.of("Bad key **** for ****"));
		Map<String, Object> audit = test("created-to-audit");
		assertThat((Map<String, Object>) ((Map<String, Object>) attempts(audit).get(0).get("request")).get("headers"))
			.containsEntry("Authorization", "Bearer ****");
		List<String> stored = jdbc.sql("SELECT detail FROM relay_attempt").query(String.class).list();
		stored.addAll(jdbc.sql("SELECT COALESCE(error_message, '') FROM relay_attempt").query(String.class).list());
		stored.addAll(jdbc.sql("SELECT COALESCE(last_error, '') FROM relay_invocation").query(String.class).list());
		stored.add(relay.get("/api/invocations?limit=1000").body());
		assertThat(stored).isNotEmpty().allSatisfy((text) -> assertThat(text).doesNotContain("it-secret-9c2a7b55d1")
			.doesNotContain("it-user-3e1f04"));
	}

	private Map<String, Object> test(String webhook) {
		Response response = relay.post("/api/webhooks/" + webhook + "/test", null, new byte[0]);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<Map<String, Object>> attempts(Map<String, Object> invocation) {
		return (List<Map<String, Object>>) invocation.get("attempts");
	}

}
