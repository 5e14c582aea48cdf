package io.aponorelay.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

import io.aponorelay.config.RetryProperties;
import io.aponorelay.store.ErrorKind;
import io.aponorelay.store.InvocationStatus;
import org.jspecify.annotations.Nullable;

/**
 * Decides what follows an attempt: done, a retry after a backoff, or {@code FAILED}.
 * Retried: connection errors, timeouts, 408, 425, 429 and 5xx, and failed validators where the
 * webhook asks for it. Everything else is permanent: retrying cannot fix it.
 */
final class RetryPolicy {

	private RetryPolicy() {
	}

	/**
	 * The invocation's status after an attempt.
	 * @param retry the webhook's retry settings
	 * @param error the attempt's error, or {@code null} when it succeeded
	 * @param httpStatus the response's status, or 0 when none came
	 * @param retryAfter the response's {@code Retry-After}, or {@code null}
	 * @param attemptsInRound attempts in this round, this one included
	 * @param roundStarted when this round started
	 * @param now the time now
	 */
	static Decision decide(RetryProperties retry, @Nullable ErrorKind error, int httpStatus, @Nullable String retryAfter,
			int attemptsInRound, Instant roundStarted, Instant now) {
		if (error == null) {
			return new Decision(InvocationStatus.SUCCEEDED, null);
		}
		if (!isRetryable(retry, error, httpStatus) || attemptsInRound >= retry.maxAttempts()) {
			return new Decision(InvocationStatus.FAILED, null);
		}
		Duration wait = wait(retry, attemptsInRound, retryAfter, now);
		Instant next = now.plus(wait);
		if (next.isAfter(roundStarted.plus(retry.maxAge()))) {
			return new Decision(InvocationStatus.FAILED, null);
		}
		return new Decision(InvocationStatus.RETRYING, next);
	}

	static boolean isRetryable(RetryProperties retry, ErrorKind error, int httpStatus) {
		return switch (error) {
			case TIMEOUT, CONNECTION_REFUSED, DNS, TLS, CONNECTION, INTERNAL -> true;
			case HTTP_STATUS -> httpStatus == 408 || httpStatus == 425 || httpStatus == 429 || httpStatus >= 500;
			case VALIDATION -> retry.onValidationFailure();
			case TEMPLATE, CONFIGURATION -> false;
		};
	}

	/**
	 * Exponential backoff with equal jitter; a target's Retry-After may ask for longer, never for
	 * shorter, and nothing waits beyond the maximum.
	 */
	private static Duration wait(RetryProperties retry, int attemptsInRound, @Nullable String retryAfter, Instant now) {
		long exponent = Math.min(attemptsInRound - 1, 30);
		Duration backoff = min(retry.initialBackoff().multipliedBy(1L << exponent), retry.maxBackoff());
		long half = backoff.toMillis() / 2;
		Duration jittered = Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
		Duration requested = parseRetryAfter(retryAfter, now);
		return (requested != null && requested.compareTo(jittered) > 0) ? min(requested, retry.maxBackoff()) : jittered;
	}

	private static @Nullable Duration parseRetryAfter(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/**
	 * What follows an attempt.
	 *
	 * @param status the invocation's new status
	 * @param nextAttemptAt when to try again, while retrying
	 */
	record Decision(InvocationStatus status, @Nullable Instant nextAttemptAt) {

	}

}
