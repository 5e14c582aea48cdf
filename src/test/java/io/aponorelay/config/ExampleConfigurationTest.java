package io.aponorelay.config;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.aponorelay.RelayApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code application.yml.example} is the users' reference: the relay must start with it, and it
 * must show every key the relay has.
 */
class ExampleConfigurationTest {

	private static final Path EXAMPLE = Path.of("application.yml.example");

	@Test
	void theRelayStartsWithTheExample() {
		try (ConfigurableApplicationContext context = new SpringApplication(RelayApplication.class).run(
				"--spring.config.additional-location=file:" + EXAMPLE + "[.yml]", "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:example", "--LOGPOINT_USERNAME=user", "--LOGPOINT_SECRET_KEY=key")) {
			RelayProperties relay = context.getBean(RelayProperties.class);
			assertThat(relay.webhooks()).singleElement().satisfies((webhook) -> {
				assertThat(webhook.name()).isEqualTo("reopen-incidents");
				assertThat(webhook.filters().customFields()).containsEntry("environment", List.of("production"));
			});
		}
	}

	@Test
	void theExampleShowsEveryKey() throws IOException {
		String example = Files.readString(EXAMPLE);
		List<String> keys = new ArrayList<>();
		collectKeys(RelayProperties.class, keys);
		assertThat(keys).isNotEmpty().allSatisfy((key) -> assertThat(example).contains(" " + key + ":"));
	}

	private static void collectKeys(Class<?> record, List<String> keys) {
		for (RecordComponent component : record.getRecordComponents()) {
			keys.add(kebab(component.getName()));
			Type type = component.getGenericType();
			if (type instanceof ParameterizedType parameterized
					&& Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
				type = parameterized.getActualTypeArguments()[0];
			}
			if (type instanceof Class<?> nested && nested.isRecord() && !Map.class.isAssignableFrom(nested)) {
				collectKeys(nested, keys);
			}
		}
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

}
