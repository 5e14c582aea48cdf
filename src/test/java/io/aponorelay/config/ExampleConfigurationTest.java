package io.aponorelay.config;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.aponorelay.RelayApplication;
import io.aponorelay.TestCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;

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
				"--spring.datasource.url=jdbc:h2:mem:example", "--LOGPOINT_USERNAME=user", "--LOGPOINT_SECRET_KEY=key",
				"--APONO_INGEST_TOKEN=example-ingest-token-0123456789",
				"--RELAY_ADMIN_TOKEN_ALICE=example-admin-token-0123456789",
				"--spring.ssl.bundle.pem.logpoint-ca.truststore.certificate=file:" + TestCertificates.get().caPem())) {
			RelayProperties relay = context.getBean(RelayProperties.class);
			assertThat(relay.webhooks()).extracting(WebhookProperties::name)
				.containsExactly("reopen-incidents", "comment-on-incidents", "logpoint-syslog");
			assertThat(relay.webhooks().get(0).filters().customFields()).containsEntry("environment", List.of("production"));
			assertThat(relay.webhooks().get(1).logpoint().action()).isEqualTo(LogpointPreset.Action.ADD_INCIDENT_COMMENT);
		}
	}

	@Test
	void theExampleShowsEveryKey() throws IOException {
		Set<String> shown = new TreeSet<>();
		collectShown("", new Yaml().load(Files.readString(EXAMPLE)), shown);
		Set<String> keys = new TreeSet<>();
		collectKeys("relay", RelayProperties.class, keys);
		assertThat(shown).containsAll(keys);
	}

	/** The key paths the YAML shows, list elements as {@code []}. */
	private static void collectShown(String prefix, Object node, Set<String> shown) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				String path = prefix.isEmpty() ? key.toString() : prefix + "." + key;
				shown.add(path);
				collectShown(path, value, shown);
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach((element) -> collectShown(prefix + "[]", element, shown));
		}
	}

	/** The key paths of a configuration record; maps end at their own key. */
	private static void collectKeys(String prefix, Class<?> record, Set<String> keys) {
		for (RecordComponent component : record.getRecordComponents()) {
			String path = prefix + "." + kebab(component.getName());
			keys.add(path);
			Type type = component.getGenericType();
			if (type instanceof ParameterizedType parameterized
					&& Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
				type = parameterized.getActualTypeArguments()[0];
				path = path + "[]";
			}
			if (type instanceof Class<?> nested && nested.isRecord()) {
				collectKeys(path, nested, keys);
			}
		}
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

}
