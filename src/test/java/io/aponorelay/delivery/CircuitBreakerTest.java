package io.aponorelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.aponorelay.config.CircuitBreakerProperties;
import io.aponorelay.delivery.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

	private final MutableClock clock = new MutableClock();

	private final CircuitBreaker breaker = new CircuitBreaker(new CircuitBreakerProperties(3, Duration.ofSeconds(30)),
			clock);

	@Test
	void letsTheWebhooksConcurrencyThroughWhileClosed() {
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.permits(4, 1)).isEqualTo(3);
		breaker.failed();
		breaker.failed();
		assertThat(breaker.permits(4, 0)).isEqualTo(4);
	}

	@Test
	void opensAfterTheThresholdOfFailuresInARow() {
		breaker.failed();
		breaker.succeeded();
		breaker.failed();
		breaker.failed();
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		breaker.failed();
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.permits(4, 0)).isZero();
	}

	@Test
	void sendsOneProbeAtATimeOnceTheOpenDurationHasPassed() {
		openIt();
		clock.advance(Duration.ofSeconds(31));
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		assertThat(breaker.permits(4, 0)).isEqualTo(1);
		assertThat(breaker.permits(4, 1)).isZero();
	}

	@Test
	void aFailedProbeOpensItAgainAndASuccessfulOneClosesIt() {
		openIt();
		clock.advance(Duration.ofSeconds(31));
		breaker.failed();
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		clock.advance(Duration.ofSeconds(31));
		breaker.succeeded();
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.consecutiveFailures()).isZero();
	}

	private void openIt() {
		for (int i = 0; i < 3; i++) {
			breaker.failed();
		}
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-12-04T12:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
