package io.aponorelay.store;

/**
 * Why an attempt failed.
 */
public enum ErrorKind {

	/** The whole call took longer than the webhook's timeout. */
	TIMEOUT,

	/** Nothing listens at the target's address and port. */
	CONNECTION_REFUSED,

	/** The target's host name does not resolve. */
	DNS,

	/** The TLS handshake failed: an untrusted or mismatched certificate, for example. */
	TLS,

	/** The connection failed otherwise: reset, closed early. */
	CONNECTION,

	/** The target answered with a status outside 2xx. */
	HTTP_STATUS,

	/** The target answered 2xx, but a response validator failed. */
	VALIDATION,

	/** The request could not be rendered, or rendered invalid. */
	TEMPLATE,

	/** The invocation's webhook is no longer configured. */
	CONFIGURATION,

	/** The relay failed unexpectedly; the message says how. */
	INTERNAL

}
