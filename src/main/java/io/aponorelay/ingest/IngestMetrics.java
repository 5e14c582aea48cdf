package io.aponorelay.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts what arrives at {@code /ingest/apono}: {@code relay.events.received}, tagged with the
 * trigger, the outcome ({@code accepted}, {@code duplicate}, {@code rejected}) and, for rejections,
 * the reason.
 */
@Component
class IngestMetrics {

	private final MeterRegistry registry;

	IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void accepted(String trigger, boolean duplicate) {
		counter(trigger, duplicate ? "duplicate" : "accepted", "none").increment();
	}

	void rejected(String reason) {
		counter("unknown", "rejected", reason).increment();
	}

	private Counter counter(String trigger, String outcome, String reason) {
		return Counter.builder("relay.events.received")
			.description("Events posted to /ingest/apono, by trigger and outcome")
			.tag("trigger", trigger)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(registry);
	}

}
