package io.aponorelay.store;

/**
 * Where an invocation stands.
 */
public enum InvocationStatus {

	/** Accepted, not yet attempted. */
	PENDING,

	/** Attempted, failed in a way a later attempt may fix; waits for its next attempt. */
	RETRYING,

	/** The target has it. */
	SUCCEEDED,

	/** Failed permanently, or ran out of attempts: the dead-letter state, until redelivered. */
	FAILED;

	/** Whether no attempt is due: the target has it, or the relay gave up. */
	public boolean finished() {
		return this == SUCCEEDED || this == FAILED;
	}

}
