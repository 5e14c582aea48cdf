package io.aponorelay.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

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
		if (request.getContentLengthLong() > maxBytes) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
			if (body.length > maxBytes) {
				throw tooLarge();
			}
			return parser.parse(body);
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
