package io.aponorelay.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds {@code relay.*}, exposes the secrets, and validates everything before the relay serves.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
class RelayConfiguration {

	@Bean
	Secrets secrets(RelayProperties relay) {
		List<String> tokens = new ArrayList<>(relay.ingest().auth().tokens());
		relay.admin().tokens().forEach((admin) -> tokens.add(admin.token()));
		tokens.add(relay.logpoint().username());
		tokens.add(relay.logpoint().secretKey());
		return new Secrets(relay.secrets(), tokens);
	}

	@Bean
	ConfigurationValidator configurationValidator(RelayProperties relay, Environment environment,
			List<ConfigurationCheck> checks) {
		return new ConfigurationValidator(relay, environment, checks);
	}

}
