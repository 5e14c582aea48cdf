package io.aponorelay.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.aponorelay.QueueEvents;
import io.aponorelay.RelayClient;
import io.aponorelay.TestTarget;
import io.aponorelay.TestTarget.Received;
import io.aponorelay.TestTarget.Reply;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two relay processes sharing one queue in PostgreSQL: both deliver, and one is killed with SIGKILL
 * while it holds deliveries: the target stalls every call past the webhook's timeout at that moment
 * and answers it 503, so the killed replica's calls are in flight and none has succeeded there.
 * Every event is delivered, each exactly once.
 */
class ReplicasIT {

	private final TestTarget target = new TestTarget().start();

	private final List<RelayProcess> relays = new ArrayList<>();

	@TempDir
	Path directory;

	@AfterEach
	void stop() throws InterruptedException {
		for (RelayProcess relay : relays) {
			if (relay.process().isAlive()) {
				relay.kill();
			}
		}
		target.stop();
	}

	@Test
	void killingOneOfTwoReplicasLosesNothingAndSendsNothingTwice() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			String[] store = { "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=" };
			Path configuration = RelayProcess.configuration(directory, target.url(), "");
			RelayProcess first = start(new RelayProcess("replica-a", configuration, store));
			RelayProcess second = start(new RelayProcess("replica-b", configuration, store));
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			target.behave((request) -> Reply.late(200, Duration.ofMillis(50)));

			List<String> keys = new ArrayList<>(post(0, 60, first.client(), second.client()));
			await().atMost(Duration.ofSeconds(30)).until(() -> succeeded(jdbc), (done) -> done == 60);
			assertThat(jdbc.sql("SELECT detail FROM relay_attempt").query(String.class).list())
				.as("both replicas delivered")
				.anyMatch((detail) -> detail.contains("/" + first.process().pid() + "/"))
				.anyMatch((detail) -> detail.contains("/" + second.process().pid() + "/"));

			target.behave((request) -> Reply.late(503, Duration.ofSeconds(5)));
			keys.addAll(post(60, 120, first.client(), second.client()));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM relay_invocation WHERE lease_owner LIKE ?")
					.param("%/" + first.process().pid() + "/%")
					.query(Long.class)
					.single(), (held) -> held > 0);
			first.kill();
			target.behave((request) -> Reply.ok());

			await().atMost(Duration.ofSeconds(60)).until(() -> succeeded(jdbc), (done) -> done == 120);
			Map<String, Long> deliveries = target.succeeded()
				.stream()
				.collect(Collectors.groupingBy(Received::eventKey, Collectors.counting()));
			assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(keys);
			assertThat(deliveries.values()).containsOnly(1L);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM relay_attempt WHERE succeeded").query(Long.class).single())
				.isEqualTo(120);
		}
	}

	private RelayProcess start(RelayProcess relay) {
		relays.add(relay);
		return relay.start();
	}

	/** Posts events, alternating between the replicas, as a load balancer would. */
	private static List<String> post(int from, int to, RelayClient... replicas) {
		List<String> keys = new ArrayList<>();
		for (int i = from; i < to; i++) {
			String requestId = "replicas-" + i;
			assertThat(replicas[i % replicas.length]
				.postJson("/ingest/apono", QueueEvents.event(requestId, "RequestCreated", 1, "any"))
				.status()).isEqualTo(202);
			keys.add(QueueEvents.key(requestId, "RequestCreated", 1));
		}
		return keys;
	}

	private static long succeeded(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM relay_invocation WHERE status = 'SUCCEEDED'").query(Long.class).single();
	}

}
