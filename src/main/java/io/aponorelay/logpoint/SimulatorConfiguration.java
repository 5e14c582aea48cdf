package io.aponorelay.logpoint;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Logpoint simulator, with the credentials it accepts, where it is enabled.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("logpoint-simulator.enabled")
class SimulatorConfiguration {

	@Bean
	LogpointSimulator logpointSimulator(@Value("${logpoint-simulator.username}") String username,
			@Value("${logpoint-simulator.secret-key}") String secretKey) {
		return new LogpointSimulator(username, secretKey);
	}

}
