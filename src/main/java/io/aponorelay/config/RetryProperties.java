package io.aponorelay.config;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a webhook retries a failed delivery. The defaults keep trying for about a day.
 *
 * @param maxAttempts attempts per delivery, the first included, before it is {@code FAILED}
 * @param initialBackoff the wait before the first retry; each retry doubles it, with jitter
 * @param maxBackoff the longest wait between attempts, also for a target's {@code Retry-After}
 * @param maxAge how long after acceptance (or redelivery) a delivery is retried at all
 * @param onValidationFailure whether a failed response validator is retried; off by default,
 * since Logpoint answers every error, even bad credentials, with 200 and {@code success: false}
 */
public record RetryProperties(@DefaultValue("30") int maxAttempts, @DefaultValue("10s") Duration initialBackoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("24h") Duration maxAge,
		@DefaultValue("false") boolean onValidationFailure) {

	/** The defaults, as binding gives them when nothing is configured. */
	public static final RetryProperties DEFAULTS = new RetryProperties(30, Duration.ofSeconds(10), Duration.ofHours(1),
			Duration.ofHours(24), false);

}
