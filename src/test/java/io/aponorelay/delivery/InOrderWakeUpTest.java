package io.aponorelay.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.aponorelay.QueueEvents;
import io.aponorelay.RelayClient;
import io.aponorelay.TestTarget;
import io.aponorelay.TestTarget.Received;
import io.aponorelay.TestTarget.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A later event of a request that waits for its earlier one goes out as soon as the earlier one is
 * done, not at the next poll: the poll here is 30 s away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "relay.delivery.poll-interval=30s")
@ActiveProfiles("queue")
class InOrderWakeUpTest {

	static final TestTarget target = new TestTarget().start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		registry.add("queue.target.url", target::url);
		String file = Files.createTempDirectory("relay-queue-wake").resolve("relay").toString();
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";WRITE_DELAY=0");
	}

	@Test
	void theLaterEventFollowsTheEarlierAtOnce() {
		String request = UUID.randomUUID().toString();
		// the earlier event is still in flight when the later one arrives, which then waits for it
		Reply late = new Reply(200, Reply.ok().body(), Duration.ofMillis(500), false);
		target.behave((received) -> received.body().contains("RequestCreated") ? late : Reply.ok());
		RelayClient relay = new RelayClient("http://localhost:" + port);
		for (String trigger : List.of("RequestCreated", "RequestApproved")) {
			long time = trigger.equals("RequestCreated") ? 1 : 2;
			assertThat(relay.postJson("/ingest/apono", QueueEvents.event(request, trigger, time, "steady")).status())
				.isEqualTo(202);
		}

		await().atMost(Duration.ofSeconds(10))
			.until(() -> target.succeeded().stream().filter((received) -> received.body().contains(request)).count() == 2);
		List<Received> delivered = target.succeeded().stream().filter((received) -> received.body().contains(request)).toList();
		assertThat(delivered).extracting((received) -> (String) received.json().get("trigger"))
			.containsExactly("RequestCreated", "RequestApproved");
	}

}
