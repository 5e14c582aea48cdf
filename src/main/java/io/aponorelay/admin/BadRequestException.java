package io.aponorelay.admin;

/**
 * A parameter of an admin call that cannot be used: 400.
 */
class BadRequestException extends RuntimeException {

	BadRequestException(String message) {
		super(message);
	}

}
