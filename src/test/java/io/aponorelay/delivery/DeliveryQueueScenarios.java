package io.aponorelay.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import io.aponorelay.QueueEvents;
import io.aponorelay.RelayClient;
import io.aponorelay.RelayClient.Response;
import io.aponorelay.TestTarget;
import io.aponorelay.TestTarget.Received;
import io.aponorelay.TestTarget.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Never lose an event: the durable queue against a target that is down, flaps, or hangs, with
 * counts asserted exactly. Runs once per store (subclasses choose H2 or PostgreSQL).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("queue")
abstract class DeliveryQueueScenarios {

	static final TestTarget target = new TestTarget().start();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private RelayClient relay;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@DynamicPropertySource
	static void targetProperties(DynamicPropertyRegistry registry) {
		registry.add("queue.target.url", target::url);
	}

	@BeforeEach
	void connect() {
		relay = new RelayClient("http://localhost:" + port);
		target.behave((request) -> Reply.ok());
	}

	@AfterEach
	void targetUp() {
		target.start();
	}

	@Test
	void everythingAcceptedWhileTheTargetIsDownIsDeliveredOnceWhenItComesBack() {
		target.stop();
		List<String> keys = post(20, "Created", "steady");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ((Map<?, ?>) webhook("steady").get("circuit")).get("state"), "OPEN"::equals);
		assertThat(count("status = 'RETRYING'", "steady")).isPositive();
		assertThat(count("status IN ('PENDING', 'RETRYING')", "steady")).isEqualTo(20);

		target.start();

		awaitSucceeded(20, "steady");
		assertThat(successesByKey(keys)).hasSize(20).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
	}

	@Test
	void aFlappingTargetGetsEveryEventAndNoneTwice() {
		Random random = new Random(20261204);
		target.behave((request) -> {
			synchronized (random) {
				int roll = random.nextInt(100);
				// half of all calls fail: 500, a timeout, or a reset connection
				if (roll < 20) {
					return Reply.status(500);
				}
				if (roll < 35) {
					return Reply.late(503, Duration.ofMillis(1500));
				}
				return (roll < 50) ? Reply.connectionReset() : Reply.ok();
			}
		});
		List<String> keys = post(40, "Created", "steady");

		awaitSucceeded(40, "steady");

		assertThat(successesByKey(keys)).hasSize(40).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
		assertThat(target.received().stream().filter((request) -> keys.contains(request.eventKey())).count())
			.as("the target failed some calls").isGreaterThan(40);
	}

	@Test
	void theSameEventPostedConcurrentlyIsDeliveredOnce() throws Exception {
		String requestId = run + "-concurrent";
		String event = QueueEvents.event(requestId, "RequestCreated", 1, "steady");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Response>> posts = Collections.nCopies(16, () -> relay.postJson("/ingest/apono", event));
			pool.invokeAll(posts).forEach((response) -> assertThat(resolve(response).status()).isEqualTo(202));
		}
		finally {
			pool.shutdown();
		}
		awaitSucceeded(1, "steady");
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(successesByKey(List.of(QueueEvents.key(requestId, "RequestCreated", 1))))
				.containsExactly(Map.entry(QueueEvents.key(requestId, "RequestCreated", 1), 1L)));
	}

	@Test
	void eventsOfOneRequestArriveInOrderWhileOthersAreNotHeldUp() {
		String first = run + "-first";
		String other = run + "-other";
		int[] createdFailures = { 0 };
		target.behave((request) -> {
			if (request.body().contains(first) && request.body().contains("RequestCreated") && createdFailures[0] < 3) {
				createdFailures[0]++;
				return Reply.status(503);
			}
			return Reply.ok();
		});
		post(first, "RequestCreated", 1);
		post(first, "RequestApproved", 2);
		post(other, "RequestCreated", 1);
		post(first, "RequestGranted", 3);
		post(other, "RequestApproved", 2);
		post(first, "RequestExpired", 4);

		awaitSucceeded(6, "steady");

		List<Received> delivered = target.succeeded();
		assertThat(triggersOf(delivered, first)).containsExactly("RequestCreated", "RequestApproved", "RequestGranted",
				"RequestExpired");
		assertThat(triggersOf(delivered, other)).containsExactly("RequestCreated", "RequestApproved");
		assertThat(createdFailures[0]).isEqualTo(3);
		assertThat(arrival(delivered, other, "RequestApproved")).isBefore(arrival(delivered, first, "RequestCreated"));
	}

	@Test
	void redeliveringALaterEventWaitsForTheEarlierOne() {
		String request = run + "-redeliver";
		target.behave((received) -> received.body().contains(request) && received.body().contains("RequestCreated")
				? Reply.status(503) : Reply.ok());
		post(request, "RequestCreated", 1);
		post(request, "RequestApproved", 2);
		await().atMost(Duration.ofSeconds(10)).until(() -> count("status = 'RETRYING'", "steady"), (retrying) -> retrying == 1);
		String approved = jdbc.sql("SELECT id FROM relay_invocation WHERE request_id = ? AND trigger_name = 'RequestApproved'")
			.param(request)
			.query(String.class)
			.single();

		Response refused = relay.post("/api/invocations/" + approved + "/redeliver", null, new byte[0]);

		assertThat(refused.status()).isEqualTo(409);
		assertThat((String) refused.json().get("detail")).contains("waits for an earlier event of the same request");
		target.behave((received) -> Reply.ok());
		awaitSucceeded(2, "steady");
		assertThat(triggersOf(target.succeeded(), request)).containsExactly("RequestCreated", "RequestApproved");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aHangingTargetDoesNotHoldUpTheOtherWebhooks() {
		target.behave((request) -> request.path().equals("/slow") ? Reply.late(200, Duration.ofSeconds(3)) : Reply.ok());
		post(6, "Created", "slow");
		List<String> steady = post(10, "Created", "steady");

		await().atMost(Duration.ofSeconds(5)).until(() -> count("status = 'SUCCEEDED'", "steady"), (done) -> done == 10);
		assertThat(successesByKey(steady)).hasSize(10);

		Map<String, Object> slow = await().atMost(Duration.ofSeconds(10)).until(() -> webhook("slow"),
				(view) -> "OPEN".equals(((Map<String, Object>) view.get("circuit")).get("state")));
		assertThat(((Number) slow.get("queueDepth")).longValue()).isGreaterThanOrEqualTo(6);
		assertThat(((Number) webhook("steady").get("queueDepth")).longValue()).isZero();
		assertThat(count("status = 'SUCCEEDED'", "slow")).isZero();
	}

	@Test
	void bulkRedeliveryBringsFailedDeliveriesBack() {
		target.behave((request) -> request.path().equals("/strict") ? Reply.status(400) : Reply.ok());
		List<String> keys = post(3, "Created", "strict");
		await().atMost(Duration.ofSeconds(10)).until(() -> count("status = 'FAILED'", "strict"), (failed) -> failed == 3);
		target.behave((request) -> Reply.ok());

		Response requeued = relay.post("/api/invocations/redeliver?webhook=strict&status=FAILED", null, new byte[0]);

		assertThat(requeued.status()).isEqualTo(202);
		assertThat(requeued.json()).containsEntry("requeued", 3);
		awaitSucceeded(3, "strict");
		assertThat(successesByKey(keys)).hasSize(3);
		assertThat(jdbc.sql("SELECT attempt_count FROM relay_invocation WHERE webhook = 'strict' AND request_id LIKE ?")
			.param(run + "%")
			.query(Integer.class)
			.list()).containsOnly(2);
	}

	private List<String> post(int count, String trigger, String route) {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String requestId = run + "-" + route + "-" + i;
			Response response = relay.postJson("/ingest/apono", QueueEvents.event(requestId, trigger, 1, route));
			assertThat(response.status()).isEqualTo(202);
			keys.add(QueueEvents.key(requestId, "Request" + trigger, 1));
		}
		return keys;
	}

	private void post(String requestId, String trigger, long time) {
		assertThat(relay.postJson("/ingest/apono", QueueEvents.event(requestId, trigger, time, "steady")).status())
			.isEqualTo(202);
	}

	private void awaitSucceeded(long expected, String webhook) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> count("status = 'SUCCEEDED'", webhook), (succeeded) -> succeeded == expected);
	}

	/** Invocations of this test's run to a webhook that meet a condition. */
	private long count(String condition, String webhook) {
		return jdbc.sql("SELECT COUNT(*) FROM relay_invocation WHERE webhook = ? AND request_id LIKE ? AND " + condition)
			.param(webhook)
			.param(run + "%")
			.query(Long.class)
			.single();
	}

	private static Map<String, Long> successesByKey(List<String> keys) {
		return target.succeeded()
			.stream()
			.filter((request) -> keys.contains(request.eventKey()))
			.collect(Collectors.groupingBy(Received::eventKey, Collectors.counting()));
	}

	private static List<String> triggersOf(List<Received> delivered, String requestId) {
		return delivered.stream()
			.filter((request) -> request.body().contains(requestId))
			.map((request) -> (String) request.json().get("trigger"))
			.toList();
	}

	private static java.time.Instant arrival(List<Received> delivered, String requestId, String trigger) {
		return delivered.stream()
			.filter((request) -> request.body().contains(requestId) && request.body().contains(trigger))
			.findFirst()
			.orElseThrow()
			.at();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> webhook(String name) {
		return ((List<Object>) relay.get("/api/webhooks").jsonList()).stream()
			.map((view) -> (Map<String, Object>) view)
			.filter((view) -> name.equals(view.get("name")))
			.findFirst()
			.orElseThrow();
	}

	private static <T> T resolve(java.util.concurrent.Future<T> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
