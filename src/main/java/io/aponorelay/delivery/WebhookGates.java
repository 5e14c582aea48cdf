package io.aponorelay.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.WebhookProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Each webhook's gate in this relay instance: how many of its calls are in flight, against its
 * {@code concurrency}, and its circuit breaker. A target that is down or slow fills only its own
 * gate, so the other webhooks keep flowing.
 */
@Component
public class WebhookGates {

	private final Map<String, Gate> gates = new LinkedHashMap<>();

	WebhookGates(RelayProperties relay, Clock clock) {
		for (WebhookProperties webhook : relay.webhooks()) {
			gates.putIfAbsent(String.valueOf(webhook.name()),
					new Gate(webhook.concurrency(), new CircuitBreaker(webhook.circuitBreaker(), clock)));
		}
	}

	/** Every webhook's circuit and calls in flight, for the admin API. */
	public Map<String, CircuitStatus> statuses() {
		Map<String, CircuitStatus> statuses = new LinkedHashMap<>();
		gates.forEach((name, gate) -> statuses.put(name, new CircuitStatus(gate.breaker.state().name(),
				gate.breaker.consecutiveFailures(), gate.breaker.openUntil(), gate.inFlight.get())));
		return statuses;
	}

	Iterable<String> webhooks() {
		return gates.keySet();
	}

	/** How many more calls the webhook may start now. */
	int permits(String webhook) {
		Gate gate = gates.get(webhook);
		return (gate != null) ? gate.breaker.permits(gate.limit, gate.inFlight.get()) : 0;
	}

	void started(String webhook) {
		ifKnown(webhook, (gate) -> gate.inFlight.incrementAndGet());
	}

	/**
	 * Counts a call in flight if the webhook may start one now; callers on several threads (the
	 * poller, requests handing their events over) never start more than its gate allows together.
	 */
	boolean tryStart(String webhook) {
		Gate gate = gates.get(webhook);
		if (gate == null) {
			return false;
		}
		while (true) {
			int inFlight = gate.inFlight.get();
			if (gate.breaker.permits(gate.limit, inFlight) <= 0) {
				return false;
			}
			if (gate.inFlight.compareAndSet(inFlight, inFlight + 1)) {
				return true;
			}
		}
	}

	void finished(String webhook) {
		ifKnown(webhook, (gate) -> gate.inFlight.decrementAndGet());
	}

	/** Tells the webhook's circuit that its target took a call. */
	void succeeded(String webhook) {
		ifKnown(webhook, (gate) -> gate.breaker.succeeded());
	}

	/** Tells the webhook's circuit that its target is down or struggling: a timeout, a refusal, a 5xx. */
	void failed(String webhook) {
		ifKnown(webhook, (gate) -> gate.breaker.failed());
	}

	/** Opens a webhook's circuit at once, when every further call would fail the same way. */
	void open(String webhook) {
		ifKnown(webhook, (gate) -> gate.breaker.open());
	}

	/** Acts on the webhook's gate; a webhook without one is left alone. */
	private void ifKnown(String webhook, Consumer<Gate> action) {
		Gate gate = gates.get(webhook);
		if (gate != null) {
			action.accept(gate);
		}
	}

	private record Gate(int limit, CircuitBreaker breaker, AtomicInteger inFlight) {

		Gate(int limit, CircuitBreaker breaker) {
			this(limit, breaker, new AtomicInteger());
		}

	}

	/**
	 * A webhook's circuit as the admin API shows it.
	 *
	 * @param state {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
	 * @param consecutiveFailures failed attempts in a row
	 * @param openUntil when an open circuit lets the next probe through, or {@code null}
	 * @param inFlight calls in flight in this instance
	 */
	public record CircuitStatus(String state, int consecutiveFailures, @Nullable Instant openUntil, int inFlight) {

	}

}
