package io.aponorelay.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.aponorelay.QueueEvents;
import io.aponorelay.RelayClient;
import io.aponorelay.TestTarget;
import io.aponorelay.TestTarget.Received;
import io.aponorelay.TestTarget.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay as a process on its H2 file store, killed with SIGKILL in the middle of a run or
 * stopped with SIGTERM: everything it accepted is delivered once it is back.
 */
class KillAndRestartIT {

	private final TestTarget target = new TestTarget().start();

	@TempDir
	Path directory;

	private RelayProcess relay;

	@AfterEach
	void stop() throws InterruptedException {
		if (relay != null && relay.process().isAlive()) {
			relay.kill();
		}
		target.stop();
	}

	@Test
	void aRelayKilledMidRunDeliversEverythingItAcceptedAfterARestart() throws Exception {
		target.behave((request) -> new Reply(200, "{\"success\": true}", Duration.ofMillis(300), false));
		relay = new RelayProcess("kill-h2", RelayProcess.configuration(directory, target.url(), ""), store()).start();
		Set<String> accepted = ConcurrentHashMap.newKeySet();
		Thread apono = Thread.ofVirtual().start(() -> postUntilRefused(relay.client(), "kill", accepted));

		// kill while Apono is still posting and a backlog waits
		await().atMost(Duration.ofSeconds(30))
			.until(() -> accepted.size() >= 100 && accepted.size() - delivered(accepted).size() >= 30);
		relay.kill();
		apono.join();
		int deliveredBeforeKill = delivered(accepted).size();

		relay = new RelayProcess("kill-h2-restarted", RelayProcess.configuration(directory, target.url(), ""), store())
			.start();

		await().atMost(Duration.ofSeconds(60)).until(() -> delivered(accepted).keySet(), (keys) -> keys.equals(accepted));
		assertThat(accepted).hasSizeGreaterThanOrEqualTo(100);
		assertThat(deliveredBeforeKill).as("the kill came mid-run").isLessThan(accepted.size());
		Map<String, Long> times = delivered(accepted);
		long duplicates = times.values().stream().mapToLong((count) -> count - 1).sum();
		assertThat(duplicates).as("only calls in flight at the kill may arrive twice").isLessThanOrEqualTo(4);
		RelayClient restarted = relay.client();
		// the kill may fall between a commit and its 202: such an event is delivered though Apono saw no answer
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				restarted.get("/api/invocations?status=SUCCEEDED&limit=1000").jsonList())
			.extracting((invocation) -> (String) ((Map<?, ?>) invocation).get("eventKey"))
			.containsAll(accepted)
			.hasSizeLessThanOrEqualTo(accepted.size() + 1));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				restarted.get("/api/invocations?limit=1000").jsonList())
			.allSatisfy((invocation) -> assertThat(((Map<?, ?>) invocation).get("status")).isEqualTo("SUCCEEDED")));
	}

	@Test
	void sigtermFinishesOrReleasesCallsInFlightAndLeavesNothingClaimed() throws Exception {
		target.behave((request) -> Reply.late(200, Duration.ofMillis(800)));
		relay = new RelayProcess("sigterm-h2", RelayProcess.configuration(directory, target.url(), ""), store()).start();
		RelayClient client = relay.client();
		for (int i = 0; i < 20; i++) {
			assertThat(client.postJson("/ingest/apono", QueueEvents.event("sigterm-" + i, "RequestCreated", 1, "any"))
				.status()).isEqualTo(202);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> !target.received().isEmpty());

		Instant terminated = Instant.now();
		relay.terminate();
		boolean exited = relay.process().waitFor(15, java.util.concurrent.TimeUnit.SECONDS);

		assertThat(exited).as("the relay exits on SIGTERM").isTrue();
		assertThat(Duration.between(terminated, Instant.now())).isLessThan(Duration.ofSeconds(10));
		assertThat(query("SELECT COUNT(*) FROM relay_invocation WHERE lease_owner IS NOT NULL")).isZero();
		assertThat(query("SELECT COUNT(*) FROM relay_invocation")).isEqualTo(20);

		target.behave((request) -> Reply.ok());
		relay = new RelayProcess("sigterm-h2-restarted", RelayProcess.configuration(directory, target.url(), ""), store())
			.start();
		await().atMost(Duration.ofSeconds(30)).until(
				() -> relay.client().get("/api/invocations?status=SUCCEEDED&limit=1000").jsonList().size(), (n) -> n == 20);
	}

	@Test
	void sigtermReleasesCallsStillInFlightAfterTheGraceWithoutUsingUpAnAttempt() throws Exception {
		target.behave((request) -> Reply.late(200, Duration.ofSeconds(6)));
		Path configuration = RelayProcess.configuration(directory, target.url(), "", "10s");
		relay = new RelayProcess("sigterm-in-flight", configuration, store()).start();
		for (int i = 0; i < 3; i++) {
			assertThat(relay.client().postJson("/ingest/apono", QueueEvents.event("hanging-" + i, "RequestCreated", 1, "any"))
				.status()).isEqualTo(202);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> target.received().size() == 3);

		Instant terminated = Instant.now();
		relay.terminate();
		assertThat(relay.process().waitFor(15, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

		assertThat(Duration.between(terminated, Instant.now())).as("the grace is 1 s").isLessThan(Duration.ofSeconds(6));
		assertThat(query("SELECT COUNT(*) FROM relay_invocation WHERE lease_owner IS NOT NULL")).isZero();
		assertThat(query("SELECT COUNT(*) FROM relay_invocation WHERE status = 'PENDING' AND attempt_count = 0"))
			.isEqualTo(3);
		target.behave((request) -> Reply.ok());
		relay = new RelayProcess("sigterm-in-flight-restarted", configuration, store()).start();
		await().atMost(Duration.ofSeconds(30)).until(
				() -> relay.client().get("/api/invocations?status=SUCCEEDED&limit=1000").jsonList().size(), (n) -> n == 3);
	}

	private String store() {
		return "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("relay") + ";WRITE_DELAY=0";
	}

	private long query(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("relay"), "relay", "");
				ResultSet result = connection.createStatement().executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	/** Posts events one after another, as Apono would, until the relay stops answering. */
	static void postUntilRefused(RelayClient client, String prefix, Set<String> accepted) {
		for (int i = 0;; i++) {
			String requestId = prefix + "-" + i;
			try {
				if (client.postJson("/ingest/apono", QueueEvents.event(requestId, "RequestCreated", 1, "any"))
					.status() == 202) {
					accepted.add(QueueEvents.key(requestId, "RequestCreated", 1));
				}
			}
			catch (RuntimeException ex) {
				return;
			}
		}
	}

	/** How often the target answered 2xx to each accepted event. */
	private Map<String, Long> delivered(Set<String> accepted) {
		List<Received> succeeded = target.succeeded();
		return succeeded.stream()
			.filter((request) -> accepted.contains(request.eventKey()))
			.collect(Collectors.groupingBy(Received::eventKey, Collectors.counting()));
	}

}
