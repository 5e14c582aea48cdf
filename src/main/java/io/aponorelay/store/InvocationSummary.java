package io.aponorelay.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An invocation as listed: where it stands, without its attempts.
 *
 * @param id the invocation id
 * @param webhook the webhook's name
 * @param eventKey the event's key
 * @param trigger the event's normalised trigger
 * @param kind {@code EVENT} or {@code TEST}
 * @param status where it stands
 * @param attemptCount how many attempts were made
 * @param lastError the last attempt's error, or {@code null}
 * @param createdAt when it was accepted
 * @param updatedAt when it last changed
 */
public record InvocationSummary(String id, String webhook, String eventKey, String trigger, String kind,
		InvocationStatus status, int attemptCount, @Nullable String lastError, Instant createdAt, Instant updatedAt) {

}
