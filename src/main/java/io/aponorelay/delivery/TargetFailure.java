package io.aponorelay.delivery;

import io.aponorelay.store.ErrorKind;

/**
 * A call that got no response: timed out, refused, unresolved, or a failed TLS handshake.
 */
class TargetFailure extends Exception {

	private final ErrorKind kind;

	TargetFailure(ErrorKind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	ErrorKind kind() {
		return kind;
	}

}
