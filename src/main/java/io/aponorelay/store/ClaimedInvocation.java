package io.aponorelay.store;

import java.time.Instant;

import io.aponorelay.event.AponoEvent;
import org.jspecify.annotations.Nullable;

/**
 * An invocation a worker holds the lease of, with what it needs to attempt it. A round starts when
 * the invocation is accepted or redelivered; retry limits count within the round.
 *
 * @param id the invocation id
 * @param webhook the webhook's name
 * @param eventKey the event's key
 * @param kind {@code EVENT} for an ingested event, {@code TEST} for the Test button
 * @param attemptCount attempts made so far, in all rounds
 * @param roundAttempts attempts made in this round
 * @param roundStarted when this round started
 * @param payload the event as JSON
 * @param lease the lease this claim holds: the claiming instance and a part unique to the claim, so
 * that a claim that ran out and was taken over can no longer record
 * @param event the event already parsed, when it was handed over at its acceptance; else
 * {@code null}, and it is read from the payload
 */
public record ClaimedInvocation(String id, String webhook, String eventKey, String kind, int attemptCount,
		int roundAttempts, Instant roundStarted, String payload, String lease, @Nullable AponoEvent event) {

	/** A claim read from the store. */
	public ClaimedInvocation(String id, String webhook, String eventKey, String kind, int attemptCount,
			int roundAttempts, Instant roundStarted, String payload, String lease) {
		this(id, webhook, eventKey, kind, attemptCount, roundAttempts, roundStarted, payload, lease, null);
	}

	/** Whether this is a Test button invocation, which is attempted once and never retried. */
	public boolean isTest() {
		return "TEST".equals(kind);
	}

}
