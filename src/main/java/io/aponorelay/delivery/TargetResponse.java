package io.aponorelay.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.aponorelay.event.JsonValues;
import io.aponorelay.event.JsonValues.JsonObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * What a target answered.
 *
 * @param status the HTTP status
 * @param headers the headers, names in lower case, several values joined with ", "
 * @param body the body as read, up to {@link TargetClient#MAX_BODY_BYTES}
 * @param complete whether the body was read whole
 */
record TargetResponse(int status, Map<String, String> headers, byte[] body, boolean complete) {

	/** How much of a body an invocation record keeps. */
	static final int RECORDED_BODY_BYTES = 64 * 1024;

	boolean isSuccessful() {
		return status >= 200 && status < 300;
	}

	/**
	 * The body as text for the record: masked whole first, then cut at
	 * {@value #RECORDED_BODY_BYTES} bytes, so that no part of a secret survives at the cut.
	 */
	String recordedBody(UnaryOperator<String> mask) {
		String masked = mask.apply(text(body));
		int bytes = 0;
		for (int i = 0; i < masked.length(); i += Character.charCount(masked.codePointAt(i))) {
			int codePoint = masked.codePointAt(i);
			bytes += (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
			if (bytes > RECORDED_BODY_BYTES) {
				return masked.substring(0, i);
			}
		}
		return masked;
	}

	/** Whether the recorded body is shorter than the body the target sent. */
	boolean recordedBodyTruncated() {
		return !complete || body.length > RECORDED_BODY_BYTES;
	}

	/**
	 * What response validators read: {@code {"status", "headers", "data"}}, where {@code data} is
	 * the body parsed as JSON, or the raw text when it is not JSON.
	 */
	JsonObject envelope() {
		return envelope(data());
	}

	/** The envelope around a body {@link #data()} has already parsed. */
	JsonObject envelope(@Nullable Object data) {
		JsonObject envelope = new JsonObject();
		envelope.put("status", status);
		envelope.put("headers", new JsonObject(headers));
		envelope.put("data", data);
		return envelope;
	}

	/** The body parsed as JSON, or its text. */
	@Nullable Object data() {
		String text = text(body);
		try {
			return JsonValues.parse(text);
		}
		catch (JacksonException ex) {
			return text;
		}
	}

	private static String text(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new IllegalStateException("replacing decoders do not fail", ex);
		}
	}

}
