package io.aponorelay.store;

import java.time.Duration;

/**
 * A worker that takes invocations straight from their acceptance to an attempt, when it has room
 * for them at that moment: the invocation is recorded already leased to it, and handed over once
 * committed, without a claim (one query and one commit fewer per event). What it has no room for
 * waits in the queue, as without a courier.
 */
public interface Courier {

	/**
	 * Reserves room for one call to the webhook now.
	 * @return {@code false} when there is none, or when the webhook's queue may hold due
	 * invocations, which go first
	 */
	boolean reserve(String webhook);

	/**
	 * Gives a reservation back unused: the write failed, or the invocation waits in the queue.
	 * @param queued whether the invocation was queued instead
	 */
	void unreserve(String webhook, boolean queued);

	/** Attempts an invocation recorded with a lease of this courier's. */
	void deliver(ClaimedInvocation invocation);

	/** The instance name that leases carry. */
	String owner();

	/** How long a lease on an invocation of the webhook lasts. */
	Duration lease(String webhook);

}
