package io.aponorelay.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import io.aponorelay.RelayClient;
import io.aponorelay.RelayClient.Response;
import io.aponorelay.event.SampleEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole relay on PostgreSQL, chosen through {@code spring.datasource.*} alone: Flyway migrates
 * it, ingest records there, and the workers claim from it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@DirtiesContext
class PostgresDatasourceTest {

	private static final EmbeddedPostgres postgres = start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void postgresProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("target.url", () -> "http://127.0.0.1:9");
		registry.add("closed.url", () -> "http://127.0.0.1:9");
	}

	@Test
	void ingestRecordsInPostgresAndWorkersDeliverFromIt() {
		RelayClient relay = new RelayClient("http://localhost:" + port, "it-ingest-token-5f2e8c1a9b",
				"it-admin-operator-7d3a9e2c");
		Response accepted = relay.postJson("/ingest/apono", SampleEvent.json());
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(relay.postJson("/ingest/apono", SampleEvent.json()).json()).containsEntry("duplicate", true);
		String id = (String) accepted.objects("deliveries").get(0).get("invocationId");

		Map<String, Object> invocation = await().atMost(Duration.ofSeconds(10))
			.until(() -> relay.get("/api/invocations/" + id).json(), (record) -> (Integer) record.get("attemptCount") > 0);

		assertThat(invocation).containsEntry("status", "RETRYING").containsEntry("webhook", "reopen-on-grant");
		assertThat(invocation.get("lastError")).isEqualTo("Connection refused");
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
