package io.aponorelay.store;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An invocation with every attempt.
 *
 * @param id the invocation id
 * @param webhook the webhook's name
 * @param eventKey the event's key
 * @param trigger the event's normalised trigger
 * @param requestId Apono's request id, which orders deliveries
 * @param kind {@code EVENT} for an ingested event, {@code TEST} for the Test button
 * @param status where it stands
 * @param attemptCount how many attempts were made
 * @param nextAttemptAt when the next attempt is due, while pending or retrying
 * @param lastError the last attempt's error, or {@code null}
 * @param createdAt when it was accepted
 * @param updatedAt when it last changed
 * @param attempts every attempt, oldest first
 */
public record InvocationRecord(String id, String webhook, String eventKey, String trigger,
		@Nullable String requestId, String kind, InvocationStatus status, int attemptCount,
		@Nullable Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, Instant updatedAt,
		List<AttemptRecord> attempts) {

}
