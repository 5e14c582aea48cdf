package io.aponorelay.store;

import java.io.IOException;

import io.aponorelay.RelayClient;
import io.aponorelay.RelayInstance;
import io.aponorelay.event.SampleEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store going away: readiness turns DOWN, so a load balancer stops sending, and an event
 * posted meanwhile gets a 503 problem instead of a 202 that nothing backs.
 */
class StoreOutageTest {

	@Test
	void readinessIsDownAndIngestRefusesWhileTheStoreIsUnreachable() throws IOException {
		EmbeddedPostgres postgres = EmbeddedPostgres.start();
		try (RelayInstance relay = RelayInstance.start("--relay.ingest.auth.mode=none", "--relay.admin.auth=none",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--spring.datasource.hikari.connection-timeout=1000")) {
			RelayClient client = relay.client();
			assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(200);

			postgres.close();

			assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(503);
			assertThat(client.get("/actuator/health/liveness").status()).isEqualTo(200);
			RelayClient.Response refused = client.postJson("/ingest/apono", SampleEvent.json());
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.contentType()).isEqualTo("application/problem+json");
		}
	}

}
