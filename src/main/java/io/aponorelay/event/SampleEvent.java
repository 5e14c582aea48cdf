package io.aponorelay.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A realistic Apono event with every field of the payload schema: what the Test button sends when
 * it is given no event, and what start-up renders each template against.
 */
public final class SampleEvent {

	private static final String JSON = load();

	/** The sample parses the same every time; one parser serves every copy. */
	private static final EventParser PARSER = new EventParser();

	private SampleEvent() {
	}

	/** The sample as JSON text. */
	public static String json() {
		return JSON;
	}

	/** A fresh copy of the sample event. */
	public static AponoEvent create() {
		return PARSER.parse(JSON);
	}

	private static String load() {
		try (InputStream in = SampleEvent.class.getResourceAsStream("sample-event.json")) {
			if (in == null) {
				throw new IllegalStateException("sample-event.json is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
