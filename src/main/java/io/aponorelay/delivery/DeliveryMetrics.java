package io.aponorelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.store.InvocationStatus;
import io.aponorelay.store.InvocationStore;
import io.aponorelay.store.QueueDepth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The delivery meters, per webhook: {@code relay.deliveries} (attempts by outcome: succeeded,
 * retrying, failed), {@code relay.attempt.duration} (a latency histogram),
 * {@code relay.queue.depth} and {@code relay.queue.oldest.age} (deliveries waiting, and how long
 * the oldest has), and {@code relay.circuit.state} (0 closed, 1 half open, 2 open).
 */
@Component
class DeliveryMetrics {

	/** The queue gauges read the store at most this often, however often they are scraped. */
	private static final Duration QUEUE_READ_INTERVAL = Duration.ofSeconds(5);

	private final MeterRegistry registry;

	private final InvocationStore store;

	private final Clock clock;

	private volatile Map<String, QueueDepth> depths = Map.of();

	private volatile Instant depthsRead = Instant.MIN;

	DeliveryMetrics(MeterRegistry registry, InvocationStore store, WebhookGates gates, RelayProperties relay,
			Clock clock) {
		this.registry = registry;
		this.store = store;
		this.clock = clock;
		for (WebhookProperties webhook : relay.webhooks()) {
			String name = String.valueOf(webhook.name());
			Gauge.builder("relay.queue.depth", () -> depth(name).waiting())
				.description("Deliveries waiting (pending or retrying)")
				.tag("webhook", name)
				.register(registry);
			Gauge.builder("relay.queue.oldest.age", () -> oldestAgeSeconds(name))
				.description("Seconds since the oldest waiting delivery was accepted")
				.baseUnit("seconds")
				.tag("webhook", name)
				.register(registry);
			Gauge.builder("relay.circuit.state", () -> circuitState(gates, name))
				.description("The webhook's circuit: 0 closed, 1 half open, 2 open")
				.tag("webhook", name)
				.register(registry);
		}
	}

	/** Counts an attempt and times it. */
	void attempted(String webhook, long durationMs, InvocationStatus status) {
		String outcome = status.name().toLowerCase(java.util.Locale.ROOT);
		Counter.builder("relay.deliveries")
			.description("Attempts by outcome: succeeded, retrying (a retry follows) or failed")
			.tag("webhook", webhook)
			.tag("outcome", outcome)
			.register(registry)
			.increment();
		Timer.builder("relay.attempt.duration")
			.description("How long each call to the target took")
			.tag("webhook", webhook)
			.tag("outcome", status == InvocationStatus.SUCCEEDED ? "success" : "failure")
			.publishPercentileHistogram()
			.register(registry)
			.record(durationMs, TimeUnit.MILLISECONDS);
	}

	private QueueDepth depth(String webhook) {
		Instant now = clock.instant();
		if (Duration.between(depthsRead, now).compareTo(QUEUE_READ_INTERVAL) > 0) {
			depths = store.queueDepths();
			depthsRead = now;
		}
		return depths.getOrDefault(webhook, new QueueDepth(0, now));
	}

	private double oldestAgeSeconds(String webhook) {
		QueueDepth depth = depth(webhook);
		return (depth.waiting() == 0) ? 0 : Math.max(0, Duration.between(depth.oldest(), clock.instant()).toMillis() / 1000.0);
	}

	private static double circuitState(WebhookGates gates, String webhook) {
		WebhookGates.CircuitStatus status = gates.statuses().get(webhook);
		if (status == null) {
			return 0;
		}
		return switch (status.state()) {
			case "OPEN" -> 2;
			case "HALF_OPEN" -> 1;
			default -> 0;
		};
	}

}
