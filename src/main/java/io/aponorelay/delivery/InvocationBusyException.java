package io.aponorelay.delivery;

/**
 * An invocation a worker is delivering at this moment, so it cannot be redelivered now.
 */
public class InvocationBusyException extends RuntimeException {

	InvocationBusyException(String id) {
		super("Invocation " + id + " is being delivered right now; try again when its attempt is recorded");
	}

}
