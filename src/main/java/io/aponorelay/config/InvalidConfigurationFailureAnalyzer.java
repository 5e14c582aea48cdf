package io.aponorelay.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints configuration problems one per line instead of as a stack trace.
 */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
		String description = "The relay configuration has " + cause.problems().size()
				+ ((cause.problems().size() == 1) ? " problem" : " problems") + ":\n - "
				+ String.join("\n - ", cause.problems());
		return new FailureAnalysis(description,
				"Correct the keys named above (see application.yml.example for every key) and start the relay again.",
				cause);
	}

}
