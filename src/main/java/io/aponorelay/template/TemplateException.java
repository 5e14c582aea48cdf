package io.aponorelay.template;

/**
 * A template that does not compile, or a rendering that fails or produces an invalid request.
 * Retrying cannot fix it.
 */
public class TemplateException extends RuntimeException {

	private final String part;

	public TemplateException(String part, String message) {
		this(part, message, null);
	}

	TemplateException(String part, String message, Throwable cause) {
		super(part + ": " + message, cause);
		this.part = part;
	}

	/** The part of the webhook at fault: {@code url}, {@code headers.<name>} or {@code body-template}. */
	public String part() {
		return part;
	}

	/** The message without the part. */
	public String reason() {
		return getMessage().substring(part.length() + 2);
	}

}
