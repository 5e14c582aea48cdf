package io.aponorelay.ingest;

/**
 * A request body refused before parsing: too large (413) or not JSON (415).
 */
public class BodyRefusedException extends RuntimeException {

	private final int status;

	private final String title;

	BodyRefusedException(int status, String title, String detail) {
		super(detail);
		this.status = status;
		this.title = title;
	}

	public int status() {
		return status;
	}

	public String title() {
		return title;
	}

}
