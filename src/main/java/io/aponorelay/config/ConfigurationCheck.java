package io.aponorelay.config;

/**
 * A check of the configuration that a capability contributes: templates compile, JSONPaths
 * compile, and so on. Every check runs at start-up and the relay starts only if none reports a
 * problem.
 */
@FunctionalInterface
public interface ConfigurationCheck {

	void check(RelayProperties relay, ConfigurationProblems problems);

}
