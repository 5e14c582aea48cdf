package io.aponorelay.event;

/**
 * An ingest body that is not an Apono event. The {@link Reason} decides the HTTP status.
 */
public class InvalidEventException extends RuntimeException {

	/** Why the body was refused. */
	public enum Reason {

		/** Not JSON, not UTF-8, or lacking {@code event_type} or {@code data}: 400. */
		MALFORMED,

		/** Well-formed, but the trigger is none of the six: 422. */
		UNKNOWN_TRIGGER

	}

	private final Reason reason;

	InvalidEventException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
