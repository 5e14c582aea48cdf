package io.aponorelay.config;

import java.util.List;

/**
 * Thrown at start-up when the configuration has problems; carries all of them.
 */
public class InvalidConfigurationException extends RuntimeException {

	private final List<String> problems;

	InvalidConfigurationException(List<String> problems) {
		super("Invalid relay configuration:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
