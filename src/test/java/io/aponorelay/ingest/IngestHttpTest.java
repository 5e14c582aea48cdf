package io.aponorelay.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.aponorelay.Fixtures;
import io.aponorelay.RelayClient.Response;
import io.aponorelay.RelayIntegrationTest;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class IngestHttpTest extends RelayIntegrationTest {

	@Test
	void acceptsAnEventAndAnswersItsKeyTriggerAndDeliveries() {
		String id = UUID.randomUUID().toString();
		Response response = relay.postJson("/ingest/apono", sample(id));
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(response.headers().firstValueAsLong("Content-Length"))
			.hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
		Map<String, Object> body = response.json();
		assertThat(body).containsEntry("eventKey", id + ":RequestGranted:1796292000.123456000")
			.containsEntry("trigger", "RequestGranted")
			.containsEntry("duplicate", false);
		assertThat(response.objects("deliveries")).singleElement()
			.satisfies((delivery) -> assertThat(delivery).containsEntry("webhook", "reopen-on-grant")
				.containsKey("invocationId"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM relay_event WHERE request_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT webhook FROM relay_invocation WHERE request_id = ?").param(id).query(String.class).list())
			.containsExactly("reopen-on-grant");
	}

	@Test
	void recordsTheSameEventOnceAndAnswersItsFirstDeliveries() {
		String event = sample(UUID.randomUUID().toString());
		Map<String, Object> first = relay.postJson("/ingest/apono", event).json();
		long events = count("relay_event");
		long invocations = count("relay_invocation");
		Response again = relay.postJson("/ingest/apono", event);
		assertThat(again.status()).isEqualTo(202);
		assertThat(again.json()).containsEntry("duplicate", true).containsEntry("deliveries", first.get("deliveries"));
		assertThat(count("relay_event")).isEqualTo(events);
		assertThat(count("relay_invocation")).isEqualTo(invocations);
	}

	@Test
	void recordsAnEventWithoutARequestIdOnceByItsDigest() {
		String event = SampleEvent.json()
			.replace("\"id\": \"5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c\",", "")
			.replace("INC-311", "INC-" + UUID.randomUUID());
		Response accepted = relay.postJson("/ingest/apono", event);
		Map<String, Object> first = accepted.json();
		assertThat((String) first.get("eventKey")).startsWith("RequestGranted:sha256-");
		assertThat(accepted.objects("deliveries")).hasSize(1);
		long invocations = count("relay_invocation");
		Response again = relay.postJson("/ingest/apono", event);
		assertThat(again.json()).containsEntry("duplicate", true).containsEntry("deliveries", first.get("deliveries"));
		assertThat(count("relay_invocation")).isEqualTo(invocations);
	}

	@Test
	void recordsTheSameEventOnceWhenItArrivesConcurrently() throws Exception {
		String id = UUID.randomUUID().toString();
		String event = sample(id);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Response>> posts = java.util.Collections.nCopies(16, () -> relay.postJson("/ingest/apono", event));
			List<Future<Response>> responses = pool.invokeAll(posts);
			for (Future<Response> response : responses) {
				assertThat(response.get().status()).isEqualTo(202);
			}
			assertThat(responses.stream().filter((r) -> !(Boolean) uncheckedGet(r).json().get("duplicate")).count())
				.isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM relay_invocation WHERE request_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void acceptsAnEventThatTriggersNothing() {
		String event = sample(UUID.randomUUID().toString()).replace("\"RequestGranted\"", "\"RequestRejected\"");
		Response response = relay.postJson("/ingest/apono", event);
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json()).containsEntry("trigger", "RequestRejected").containsEntry("deliveries", List.of());
	}

	@Test
	void routesEachTriggerSpellingToItsWebhooks() {
		String event = Fixtures.event("created-two-integrations.json")
			.replace("a1b2c3d4-0000-4000-8000-000000000001", UUID.randomUUID().toString());
		Response response = relay.postJson("/ingest/apono", event);
		assertThat(response.json()).containsEntry("trigger", "RequestCreated");
		assertThat(response.objects("deliveries")).extracting((delivery) -> delivery.get("webhook"))
			.containsExactly("created-to-audit");
	}

	@Test
	void acceptsABodyWithoutContentType() {
		Response response = relay.post("/ingest/apono", null, sample(UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(202);
	}

	static List<Arguments> refusedBodies() {
		String valid = SampleEvent.json();
		return List.of(Arguments.of("invalid JSON", "application/json", "{\"event_type\": ", 400, "Invalid event"),
				Arguments.of("no event_type", "application/json", "{\"data\": {}}", 400, "Invalid event"),
				Arguments.of("no data", "application/json", "{\"event_type\": \"Created\"}", 400, "Invalid event"),
				Arguments.of("unknown trigger", "application/json", valid.replace("RequestGranted", "RequestDeleted"), 422,
						"Unknown trigger"),
				Arguments.of("text content type", "text/plain", valid, 415, "Unsupported content type"),
				Arguments.of("form content type", "application/x-www-form-urlencoded", "a=b", 415,
						"Unsupported content type"),
				Arguments.of("body over 1 MiB", "application/json",
						valid.replace("Investigating", "x".repeat(1024 * 1024)), 413, "Body too large"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedBodies")
	void refusesBadInputWithAProblemAndRecordsNothing(String name, String contentType, String body, int status,
			String title) {
		long events = count("relay_event");
		Response response = relay.post("/ingest/apono", contentType, body.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json()).containsEntry("status", status)
			.containsEntry("title", title)
			.containsEntry("instance", "/ingest/apono")
			.containsKey("detail");
		assertThat(count("relay_event")).isEqualTo(events);
	}

	private static String sample(String requestId) {
		return SampleEvent.json().replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", requestId);
	}

	private static Response uncheckedGet(Future<Response> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
