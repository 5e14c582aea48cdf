package io.aponorelay.delivery;

/**
 * An invocation that cannot be redelivered now: a worker is delivering it, or an earlier event of
 * its request must go first.
 */
public class InvocationBusyException extends RuntimeException {

	InvocationBusyException(String reason) {
		super("Invocation " + reason);
	}

}
