package io.aponorelay.config;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a webhook's target looks down, its deliveries pause instead of piling up retries: after
 * {@code failureThreshold} failed attempts in a row the circuit opens for {@code openDuration},
 * then one probe at a time is sent until one succeeds.
 *
 * @param failureThreshold failed attempts in a row that open the circuit
 * @param openDuration how long an open circuit waits before the next probe
 */
public record CircuitBreakerProperties(@DefaultValue("5") int failureThreshold,
		@DefaultValue("30s") Duration openDuration) {

	/** The defaults, as binding gives them when nothing is configured. */
	public static final CircuitBreakerProperties DEFAULTS = new CircuitBreakerProperties(5, Duration.ofSeconds(30));

}
