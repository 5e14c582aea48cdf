package io.aponorelay.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import io.aponorelay.config.RelayProperties;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.EventParser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Reads an event from a request body: a JSON content type (or none), no larger than
 * {@code relay.ingest.max-body-size}, then the lenient parse.
 */
@Component
public class EventBodies {

	private final EventParser parser;

	private final long maxBytes;

	EventBodies(EventParser parser, RelayProperties relay) {
		this.parser = parser;
		this.maxBytes = relay.ingest().maxBodySize().toBytes();
	}

	/**
	 * Reads and parses the event in a request.
	 * @throws BodyRefusedException when the content type is not JSON or the body is too large
	 * @throws io.aponorelay.event.InvalidEventException when the body is not an Apono event
	 */
	public AponoEvent read(HttpServletRequest request) throws IOException {
		requireJson(request.getContentType());
		return parser.parse(readBounded(request));
	}

	/**
	 * Reads the event in a request whose body is optional.
	 * @return the event, or empty when the body is empty
	 */
	public Optional<AponoEvent> readOptional(HttpServletRequest request) throws IOException {
		requireJson(request.getContentType());
		byte[] body = readBounded(request);
		return (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) ? Optional.empty()
				: Optional.of(parser.parse(body));
	}

	private byte[] readBounded(HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			throw tooLarge();
		}
		// a declared length sizes the buffer exactly (the server holds the body to it); else read to the limit
		int limit = (int) ((declared >= 0) ? declared : Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(limit);
			if (body.length > maxBytes) {
				throw tooLarge();
			}
			return body;
		}
	}

	private static void requireJson(String contentType) {
		if (contentType == null) {
			return;
		}
		String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
		if (!(type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json")))) {
			throw new BodyRefusedException(415, "Unsupported content type",
					"Content type '" + type + "' is not supported; send application/json");
		}
	}

	private BodyRefusedException tooLarge() {
		return new BodyRefusedException(413, "Body too large",
				"The body is larger than " + maxBytes + " bytes (relay.ingest.max-body-size)");
	}

}
