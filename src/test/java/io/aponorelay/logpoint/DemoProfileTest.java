package io.aponorelay.logpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.aponorelay.RelayClient;
import io.aponorelay.RelayClient.Response;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's demo: the relay in the demo profile, the sample event posted to it, and the
 * built-in Logpoint simulator reached over real HTTP, one webhook failing on purpose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
class DemoProfileTest {

	private static final int port = freePort();

	@Autowired
	private LogpointSimulator simulator;

	@DynamicPropertySource
	static void demoProperties(DynamicPropertyRegistry registry) throws IOException {
		registry.add("server.port", () -> port);
		String store = Files.createTempDirectory("relay-demo-store").resolve("relay").toString();
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + store);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSampleEventReachesTheSimulatedLogpointAndTheFailureShowsItsReason() {
		RelayClient relay = new RelayClient("http://localhost:" + port);

		Response accepted = relay.postJson("/ingest/apono", SampleEvent.json());

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.objects("deliveries")).extracting((delivery) -> delivery.get("webhook"))
			.containsExactly("reopen-incidents", "comment-on-incidents", "wrong-credentials");
		Map<String, String> statuses = await().atMost(Duration.ofSeconds(10)).until(() -> {
			Map<String, String> byWebhook = new java.util.HashMap<>();
			for (Map<String, Object> delivery : accepted.objects("deliveries")) {
				Map<String, Object> invocation = relay.get("/api/invocations/" + delivery.get("invocationId")).json();
				byWebhook.put((String) invocation.get("webhook"), (String) invocation.get("status"));
			}
			return byWebhook;
		}, (byWebhook) -> !byWebhook.containsValue("PENDING"));
		assertThat(statuses).containsEntry("reopen-incidents", "SUCCEEDED")
			.containsEntry("comment-on-incidents", "SUCCEEDED")
			.containsEntry("wrong-credentials", "FAILED");

		List<Object> failed = (List<Object>) relay.get("/api/invocations?webhook=wrong-credentials&status=FAILED").jsonList();
		assertThat((String) ((Map<String, Object>) failed.get(0)).get("lastError"))
			.startsWith("Logpoint refused the credentials (Authentication Failed)");
		assertThat(simulator.incident("5a62bd8cce983de89085429c").status()).isEqualTo("unresolved");
		assertThat(simulator.incident("5a62bd8cce983de89085429b").status()).isEqualTo("unresolved");
		assertThat(simulator.incident("5a62bd8cce983de89085429b").comments()).containsExactly(
				"Apono RequestGranted AR-1042 for alice@example.com: Investigating incident INC-311 on the orders database");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
