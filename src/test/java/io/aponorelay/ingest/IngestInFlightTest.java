package io.aponorelay.ingest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.aponorelay.RelayClient.Response;
import io.aponorelay.RelayIntegrationTest;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests run on virtual threads, which Tomcat does not bound: {@code relay.ingest.max-in-flight}
 * does, here at one request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "relay.ingest.max-in-flight=1", "relay.ingest.in-flight-wait=300ms" })
class IngestInFlightTest extends RelayIntegrationTest {

	@LocalServerPort
	private int port;

	@Test
	void aRequestBeyondTheBoundWaitsThenIsRefusedAndChangesNothing() throws Exception {
		byte[] held = sample(UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			// a request whose body is slow to come: it is in flight until the rest arrives
			out.write(("POST /ingest/apono HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + INGEST_TOKEN
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + held.length
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(held, 0, 10);
			out.flush();

			AtomicReference<String> refusedId = new AtomicReference<>();
			Response busy = await().atMost(Duration.ofSeconds(10)).until(() -> {
				String id = UUID.randomUUID().toString();
				refusedId.set(id);
				return relay.postJson("/ingest/apono", sample(id));
			}, (response) -> response.status() == 503);
			assertThat(busy.contentType()).isEqualTo("application/problem+json");
			assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(busy.json().get("detail")).asString().contains("relay.ingest.max-in-flight");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM relay_event WHERE request_id = ?")
				.param(refusedId.get())
				.query(Long.class)
				.single()).isZero();

			out.write(held, 10, held.length - 10);
			out.flush();
			String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			assertThat(status).isEqualTo("HTTP/1.1 202 ");
		}
		assertThat(relay.postJson("/ingest/apono", sample(UUID.randomUUID().toString())).status()).isEqualTo(202);
	}

	private static String sample(String requestId) {
		return SampleEvent.json().replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", requestId);
	}

}
