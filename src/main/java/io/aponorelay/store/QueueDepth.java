package io.aponorelay.store;

import java.time.Instant;

/**
 * A webhook's waiting deliveries.
 *
 * @param waiting how many invocations are pending or retrying
 * @param oldest when the oldest of them was accepted
 */
public record QueueDepth(long waiting, Instant oldest) {

}
