package io.aponorelay.admin;

/**
 * A webhook or invocation that does not exist: 404.
 */
class NotFoundException extends RuntimeException {

	private NotFoundException(String message) {
		super(message);
	}

	static NotFoundException webhook(String name) {
		return new NotFoundException("No webhook named '" + name + "'");
	}

	static NotFoundException invocation(String id) {
		return new NotFoundException("No invocation with id '" + id + "'");
	}

}
