package io.aponorelay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads test fixtures from {@code src/test/resources}.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** A fixture's text, by its path below the classpath root. */
	public static String read(String path) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An event fixture from {@code io/aponorelay/event/}. */
	public static String event(String name) {
		return read("io/aponorelay/event/" + name);
	}

}
