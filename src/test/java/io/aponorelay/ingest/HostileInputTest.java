package io.aponorelay.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.aponorelay.RelayClient.Response;
import io.aponorelay.RelayIntegrationTest;
import io.aponorelay.event.JsonValues;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile bodies, each posted with a valid token: each gets a 4xx problem, nothing is
 * stored, and the relay stays healthy.
 */
class HostileInputTest extends RelayIntegrationTest {

	@LocalServerPort
	private int port;

	static List<Arguments> corpus() {
		String valid = SampleEvent.json();
		return List.of(Arguments.of("truncated JSON", bytes(valid.substring(0, valid.length() / 2)), 400),
				Arguments.of("100k-deep nesting", bytes("{\"event_type\": \"Created\", \"data\": " + "[".repeat(100_000)
						+ "]".repeat(100_000) + "}"), 400),
				Arguments.of("invalid UTF-8", invalidUtf8(valid), 400),
				Arguments.of("raw NUL byte", bytes(valid.replace("Investigating", "Invest\u0000igating")), 400),
				Arguments.of("escaped NUL", bytes(valid.replace("Investigating", "Invest\\u0000igating")), 400),
				Arguments.of("event_type a number", bytes("{\"event_type\": 7, \"data\": {}}"), 400),
				Arguments.of("data a string", bytes("{\"event_type\": \"Created\", \"data\": \"x\"}"), 400),
				Arguments.of("data.id an object", bytes("{\"event_type\": \"Created\", \"data\": {\"id\": {\"a\": 1}}}"), 400),
				Arguments.of("an array", bytes("[" + valid + "]"), 400), Arguments.of("a string", bytes("\"Created\""), 400),
				Arguments.of("null", bytes("null"), 400), Arguments.of("empty", new byte[0], 400),
				Arguments.of("a number of absurd scale", bytes(valid.replace("\"1796292000.123456000\"", "1e999999999")), 400),
				Arguments.of("an id that prints as 1000 digits", bytes(valid.replace("\"5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c\"",
						"1e999")), 400),
				Arguments.of("a time that prints as 900 digits", bytes(valid.replace("\"1796292000.123456000\"", "1e900")), 400),
				Arguments.of("a number of 5000 digits", bytes(valid.replace("\"1796292000.123456000\"", "9".repeat(5000))), 400),
				Arguments.of("duplicate keys", bytes("{\"event_type\": \"Created\", \"data\": {}, \"data\": {}}"), 400),
				Arguments.of("a string over 64 KiB", bytes(valid.replace("Investigating", "x".repeat(70_000))), 400),
				Arguments.of("an unknown trigger", bytes(valid.replace("RequestGranted", "{{secret 'x'}}")), 422));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void eachHostileBodyGetsAProblemAndChangesNothing(String name, byte[] body, int status) {
		long events = count("relay_event");
		Response response = relay.post("/ingest/apono", "application/json", body);
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(count("relay_event")).isEqualTo(events);
		assertThat(relay.get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void aFiftyMebibyteBodyIsRefusedBeforeItIsRead() throws IOException {
		long events = count("relay_event");
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /ingest/apono HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Authorization: Bearer " + INGEST_TOKEN + "\r\nContent-Length: " + (50L * 1024 * 1024) + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write("{\"event_type\": \"Created\", \"data\": {\"x\": \"".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(statusLine).isEqualTo("HTTP/1.1 413");
		}
		assertThat(count("relay_event")).isEqualTo(events);
		assertThat(relay.get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void templateSyntaxInAnEventIsDataAndNeverRuns() {
		String injection = "{{secret 'logpoint-secret-key'}} {{#each data}}{{this}}{{/each}} {{{secret 'logpoint-username'}}}";
		String event = SampleEvent.json()
			.replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", java.util.UUID.randomUUID().toString())
			.replace("\"production\"", "\"production\", \"incident_ids\": \"" + injection.replace("'", "\\u0027") + "\"")
			.replace("\"incident_ids\": [\"5a62bd8cce983de89085429c\", \"5a62bd8cce983de89085429b\"]", "\"x\": 1");
		assertThat(relay.postJson("/ingest/apono", event).status()).isEqualTo(202);

		Response explained = relay.postJson("/api/explain", event);
		Map<?, ?> request = (Map<?, ?>) ((Map<?, ?>) explained.objects("webhooks").get(0)).get("request");
		Map<?, ?> body = (Map<?, ?>) JsonValues.parse((String) request.get("body"));
		assertThat(((Map<?, ?>) body.get("requestData")).get("incident_ids")).asString()
			.contains("{{secret", "{{#each");
		assertThat(explained.body()).doesNotContain("it-secret-9c2a7b55d1").doesNotContain("it-user-3e1f04");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] invalidUtf8(String text) {
		byte[] bytes = bytes(text);
		int at = text.indexOf("Investigating");
		bytes[at] = (byte) 0xC3;
		bytes[at + 1] = (byte) 0x28;
		return bytes;
	}

}
