package io.aponorelay.config;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownKeysTest {

	@Test
	void findsMisspeltKeysInConfigurationButNotEnvironmentVariables() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("relay.yml", Map.of("relay.webhooks[0].name", "a",
					"relay.webhooks[0].filters.integration", "prod", "relay.ingest.auth.tokens[0]", "x")));
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
					Map.of("RELAY_ADMIN_TOKEN_ALICE", "secret", "RELAY_BROWSER_TEST", "required")));
		assertThat(UnknownKeys.find(environment)).containsExactly("relay.webhooks[0].filters.integration");
	}

}
