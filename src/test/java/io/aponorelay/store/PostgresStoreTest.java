package io.aponorelay.store;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.SampleEvent;
import io.aponorelay.store.AttemptRecord.AttemptError;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store against a real PostgreSQL (started from Maven Central binaries, no Docker): the schema
 * migrates, events are recorded once, and concurrent claims never hand one invocation to two
 * workers.
 */
class PostgresStoreTest {

	private static EmbeddedPostgres postgres;

	private static InvocationStore store;

	private static JdbcClient jdbc;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.start();
		DataSource dataSource = postgres.getPostgresDatabase();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		store = new InvocationStore(dataSource, jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				JsonMapper.builder().build(), (event) -> {
				}, Clock.systemUTC());
	}

	@AfterAll
	static void stopPostgres() throws IOException, InterruptedException {
		store.destroy();
		postgres.close();
	}

	@Test
	void recordsAnEventOnceWithItsInvocations() {
		AponoEvent event = event();
		Acceptance first = store.accept(event, List.of("a", "b"));
		Acceptance again = store.accept(event, List.of("a", "b"));
		assertThat(first.duplicate()).isFalse();
		assertThat(first.deliveries()).extracting(Acceptance.Delivery::webhook).containsExactly("a", "b");
		assertThat(again.duplicate()).isTrue();
		assertThat(again.deliveries()).isEqualTo(first.deliveries());
		assertThat(jdbc.sql("SELECT payload FROM relay_event WHERE event_key = ?").param(event.key()).query(String.class).single())
			.isEqualTo(event.toJson());
	}

	@Test
	void everyInvocationWaitsForAClaimEvenWithACourier() {
		// instances sharing PostgreSQL order a request's events through their claims, so none is handed over
		RecordingCourier courier = new RecordingCourier();
		store.handOffTo(courier);
		try {
			String webhook = "courier-" + UUID.randomUUID();
			String id = store.accept(event(), List.of(webhook)).deliveries().get(0).invocationId();
			assertThat(store.claimDue("w1", webhook, 10, Duration.ofMinutes(1))).extracting(ClaimedInvocation::id)
				.containsExactly(id);
			assertThat(courier.reserved).as("never asked for room").isEmpty();
			assertThat(courier.delivered).isEmpty();
		}
		finally {
			store.handOffTo(null);
		}
	}

	@Test
	void concurrentDuplicatesAreRecordedOnce() throws Exception {
		AponoEvent event = event();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Acceptance>> accepts = java.util.Collections.nCopies(16, () -> store.accept(event, List.of("a")));
			List<Future<Acceptance>> results = pool.invokeAll(accepts);
			long fresh = 0;
			for (Future<Acceptance> result : results) {
				fresh += result.get().duplicate() ? 0 : 1;
			}
			assertThat(fresh).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM relay_invocation WHERE event_key = ?").param(event.key())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void concurrentWorkersNeverClaimTheSameInvocation() throws Exception {
		String webhook = "claims-" + UUID.randomUUID();
		for (int i = 0; i < 50; i++) {
			store.accept(event(), List.of(webhook));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<List<String>>> workers = List.of(claimAll("w1", webhook), claimAll("w2", webhook),
					claimAll("w3", webhook), claimAll("w4", webhook));
			List<String> claimed = new java.util.ArrayList<>();
			for (Future<List<String>> ids : pool.invokeAll(workers)) {
				claimed.addAll(ids.get());
			}
			List<String> ofWebhook = jdbc.sql("SELECT id FROM relay_invocation WHERE webhook = ?").param(webhook)
				.query(String.class)
				.list();
			assertThat(claimed).doesNotHaveDuplicates().containsAll(ofWebhook);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void recordsAnAttemptAndReleasesTheLease() {
		AponoEvent event = event();
		String webhook = "complete-" + UUID.randomUUID();
		String id = store.accept(event, List.of(webhook)).deliveries().get(0).invocationId();
		ClaimedInvocation claimed = store.claimForRedelivery(id, "w1", Duration.ofMinutes(1)).orElseThrow();
		assertThat(store.claimForRedelivery(id, "w2", Duration.ofMinutes(1))).isEmpty();
		AttemptRecord attempt = new AttemptRecord(1, Instant.now(), 12, false, "w1",
				new AttemptError(ErrorKind.HTTP_STATUS, "HTTP 503"), new AttemptRecord.SentRequest("POST", "https://x/y",
						Map.of("Content-Type", "application/json"), "{}"),
				new AttemptRecord.ReceivedResponse(503, Map.of("retry-after", "5"), "busy", false), List.of());
		ClaimedInvocation stale = new ClaimedInvocation(claimed.id(), claimed.webhook(), claimed.eventKey(), claimed.kind(),
				claimed.attemptCount(), claimed.roundAttempts(), claimed.roundStarted(), claimed.payload(), "w1#earlier");
		assertThat(claimed.lease()).startsWith("w1#");
		assertThat(store.complete(stale, attempt, InvocationStatus.RETRYING, Instant.now()))
			.as("a claim that was taken over records nothing").isFalse();
		assertThat(store.complete(claimed, attempt, InvocationStatus.RETRYING, Instant.now())).isTrue();
		InvocationRecord record = store.find(id).orElseThrow();
		assertThat(record.status()).isEqualTo(InvocationStatus.RETRYING);
		assertThat(record.attempts()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.error()).isEqualTo(attempt.error());
			assertThat(recorded.response()).isEqualTo(attempt.response());
			assertThat(recorded.request()).isEqualTo(attempt.request());
		});
		assertThat(store.list(webhook, InvocationStatus.RETRYING, 10)).extracting(InvocationSummary::id).containsExactly(id);
	}

	private static Callable<List<String>> claimAll(String owner, String webhook) {
		return () -> {
			List<String> ids = new java.util.ArrayList<>();
			List<ClaimedInvocation> batch;
			do {
				batch = store.claimDue(owner, webhook, 3, Duration.ofMinutes(5));
				batch.forEach((invocation) -> ids.add(invocation.id()));
			}
			while (!batch.isEmpty());
			return ids;
		};
	}

	private static AponoEvent event() {
		return new io.aponorelay.event.EventParser()
			.parse(SampleEvent.json().replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", UUID.randomUUID().toString()));
	}

}
