package io.aponorelay.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.aponorelay.QueueEvents;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.EventParser;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invocations handed from their acceptance to a worker with room for them, against a real H2 file
 * store: recorded leased to it, never claimable by anyone else, and never ahead of an unfinished
 * event of the same request.
 */
class HandOverTest {

	@TempDir
	Path directory;

	private static final String RUN = UUID.randomUUID().toString();

	private final RecordingCourier courier = new RecordingCourier();

	private final List<Object> published = new CopyOnWriteArrayList<>();

	private JdbcClient jdbc;

	private InvocationStore store;

	@BeforeEach
	void openStore() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + directory.resolve("store") + ";WRITE_DELAY=0");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		store = new InvocationStore(dataSource, jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				JsonMapper.builder().build(), published::add, Clock.systemUTC());
		store.handOffTo(courier);
	}

	@AfterEach
	void close() throws InterruptedException {
		store.destroy();
	}

	@Test
	void anInvocationTheCourierHasRoomForIsRecordedLeasedToItAndHandedOver() {
		AponoEvent event = event("r1", "RequestCreated", 1);
		Acceptance acceptance = store.accept(event, List.of("a"));

		ClaimedInvocation handed = courier.delivered.getFirst();
		assertThat(courier.delivered).hasSize(1);
		assertThat(handed.id()).isEqualTo(acceptance.deliveries().getFirst().invocationId());
		assertThat(handed.webhook()).isEqualTo("a");
		assertThat(handed.eventKey()).isEqualTo(event.key());
		assertThat(handed.payload()).isEqualTo(event.toJson());
		assertThat(handed.event()).as("the parsed event goes along: not parsed again").isSameAs(event);
		assertThat(handed.attemptCount()).isZero();
		assertThat(handed.lease()).startsWith("relay-1#");
		assertThat(jdbc.sql("SELECT lease_owner FROM relay_invocation WHERE id = ?").param(handed.id())
			.query(String.class)
			.single()).isEqualTo(handed.lease());
		assertThat(store.claimDue("relay-2", "a", 10, Duration.ofMinutes(1))).as("leased: no one else claims it").isEmpty();
		assertThat(published).as("nothing queued, no worker woken").isEmpty();

		assertThat(store.complete(handed, succeeded(), InvocationStatus.SUCCEEDED, null)).isTrue();
		assertThat(store.find(handed.id()).orElseThrow().status()).isEqualTo(InvocationStatus.SUCCEEDED);
		assertThat(courier.unreserved).isEmpty();
	}

	@Test
	void whatTheCourierHasNoRoomForWaitsInTheQueue() {
		courier.refused.add("b");
		Acceptance acceptance = store.accept(event("r2", "RequestCreated", 1), List.of("a", "b"));

		assertThat(courier.delivered).extracting(ClaimedInvocation::webhook).containsExactly("a");
		assertThat(published).containsExactly(new InvocationsQueued(1));
		assertThat(store.claimDue("relay-1", "b", 10, Duration.ofMinutes(1))).extracting(ClaimedInvocation::id)
			.containsExactly(acceptance.deliveries().get(1).invocationId());
	}

	@Test
	void aLaterEventOfARequestWaitsForItsUnfinishedEarlierOne() {
		store.accept(event("r3", "RequestCreated", 1), List.of("a"));
		ClaimedInvocation earlier = courier.delivered.getFirst();
		Acceptance later = store.accept(event("r3", "RequestApproved", 2), List.of("a"));

		assertThat(courier.delivered).hasSize(1);
		assertThat(courier.unreserved).containsExactly("a queued");
		assertThat(published).containsExactly(new InvocationsQueued(1));
		assertThat(store.claimDue("relay-1", "a", 10, Duration.ofMinutes(1))).as("still waiting for the earlier").isEmpty();

		store.complete(earlier, succeeded(), InvocationStatus.SUCCEEDED, null);
		assertThat(store.claimDue("relay-1", "a", 10, Duration.ofMinutes(1))).extracting(ClaimedInvocation::id)
			.containsExactly(later.deliveries().getFirst().invocationId());
	}

	@Test
	void aRepeatedEventGivesItsReservationBack() {
		AponoEvent event = event("r4", "RequestCreated", 1);
		store.accept(event, List.of("a"));
		Acceptance again = store.accept(event, List.of("a"));

		assertThat(again.duplicate()).isTrue();
		assertThat(courier.delivered).hasSize(1);
		assertThat(courier.unreserved).containsExactly("a");
	}

	@Test
	void withoutACourierEverythingWaitsInTheQueue() {
		store.handOffTo(null);
		Acceptance acceptance = store.accept(event("r5", "RequestCreated", 1), List.of("a"));

		assertThat(courier.delivered).isEmpty();
		assertThat(store.claimDue("relay-1", "a", 10, Duration.ofMinutes(1))).extracting(ClaimedInvocation::id)
			.containsExactly(acceptance.deliveries().getFirst().invocationId());
	}

	private static AponoEvent event(String request, String trigger, long time) {
		String requestId = request + "-" + RUN;
		return new EventParser().parse(QueueEvents.event(requestId, trigger, time, "x"));
	}

	private static AttemptRecord succeeded() {
		return new AttemptRecord(1, Instant.now(), 3, true, "relay-1", null,
				new AttemptRecord.SentRequest("POST", "https://x/y", Map.of(), "{}"),
				new AttemptRecord.ReceivedResponse(200, Map.of(), "{\"success\": true}", false), List.of());
	}

}
