package io.aponorelay.delivery;

import java.time.Clock;
import java.time.Instant;

import io.aponorelay.config.CircuitBreakerProperties;
import org.jspecify.annotations.Nullable;

/**
 * One webhook's circuit breaker, in this relay instance. Closed: deliveries flow. After
 * {@code failureThreshold} failed attempts in a row it opens: nothing is sent until
 * {@code openDuration} has passed. Then it is half open: one probe at a time, and the first
 * success closes it again while a failure opens it anew.
 */
final class CircuitBreaker {

	/** Where a circuit stands. */
	enum State {

		CLOSED, OPEN, HALF_OPEN

	}

	private final CircuitBreakerProperties settings;

	private final Clock clock;

	private int consecutiveFailures;

	private @Nullable Instant openUntil;

	CircuitBreaker(CircuitBreakerProperties settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	synchronized State state() {
		if (openUntil == null) {
			return State.CLOSED;
		}
		return clock.instant().isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
	}

	/**
	 * How many calls may be in flight now, given how many are.
	 * @param limit the webhook's concurrency
	 * @param inFlight calls in flight now
	 */
	synchronized int permits(int limit, int inFlight) {
		return switch (state()) {
			case CLOSED -> Math.max(0, limit - inFlight);
			case OPEN -> 0;
			case HALF_OPEN -> (inFlight == 0) ? 1 : 0;
		};
	}

	synchronized void succeeded() {
		consecutiveFailures = 0;
		openUntil = null;
	}

	synchronized void failed() {
		consecutiveFailures++;
		if (openUntil != null || consecutiveFailures >= settings.failureThreshold()) {
			openUntil = clock.instant().plus(settings.openDuration());
		}
	}

	synchronized void open() {
		consecutiveFailures = Math.max(consecutiveFailures, settings.failureThreshold());
		openUntil = clock.instant().plus(settings.openDuration());
	}

	synchronized int consecutiveFailures() {
		return consecutiveFailures;
	}

	synchronized @Nullable Instant openUntil() {
		return openUntil;
	}

}
