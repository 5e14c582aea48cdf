package io.aponorelay.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static io.aponorelay.config.TestWebhooks.relay;
import static io.aponorelay.config.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook's gate: the poller and the requests handing their events over start calls from many
 * threads at once, and together never more than its concurrency (4 here).
 */
class WebhookGatesTest {

	private final WebhookGates gates = new WebhookGates(relay(Map.of(), webhook("a")), Clock.systemUTC());

	@Test
	void threadsStartingCallsTogetherNeverExceedTheConcurrency() throws Exception {
		AtomicInteger started = new AtomicInteger();
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> tries = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				tries.add(threads.submit(() -> {
					go.await();
					for (int attempt = 0; attempt < 1_000; attempt++) {
						if (gates.tryStart("a")) {
							started.incrementAndGet();
						}
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> each : tries) {
				each.get();
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(started).hasValue(4);
		assertThat(gates.statuses().get("a").inFlight()).isEqualTo(4);
		assertThat(gates.permits("a")).isZero();
	}

	@Test
	void aFinishedCallMakesRoomForOneMore() {
		for (int i = 0; i < 4; i++) {
			assertThat(gates.tryStart("a")).isTrue();
		}
		assertThat(gates.tryStart("a")).isFalse();
		gates.finished("a");
		assertThat(gates.tryStart("a")).isTrue();
		assertThat(gates.tryStart("a")).isFalse();
	}

	@Test
	void anOpenCircuitOrAnUnknownWebhookStartsNothing() {
		gates.open("a");
		assertThat(gates.tryStart("a")).isFalse();
		assertThat(gates.tryStart("unknown")).isFalse();
	}

}
