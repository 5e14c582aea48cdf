package io.aponorelay.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.aponorelay.QueueEvents;
import io.aponorelay.RelayClient;
import io.aponorelay.TestTarget;
import io.aponorelay.TestTarget.Reply;
import io.aponorelay.event.JsonValues;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A full run of the relay as a process, every log at DEBUG, with secrets from the environment and
 * from a mounted file, and a target that echoes the secrets it receives. Then everything the relay
 * wrote (its log, its store, every answer it gave) is searched for each secret value.
 */
class SecretsNeverWrittenIT {

	private static final String LOGPOINT_USERNAME = "lp-user-5b1e9d7c3a";

	private static final String LOGPOINT_SECRET = "lp-secret-key-8f3c2a61e9d4";

	private static final String INGEST_TOKEN = "ingest-token-2c7d9e4f1a6b";

	private static final String ADMIN_TOKEN = "admin-token-9a4f6e2d8c1b";

	private static final String FILE_SECRET = "file-secret-7e1d3c9b5a2f";

	@TempDir
	Path directory;

	@Test
	void noSecretValueAppearsInLogsStoreOrAnswers() throws Exception {
		TestTarget target = new TestTarget().start();
		target.behave((request) -> new Reply(200,
				"{\"success\": false, \"message\": " + JsonValues.toJson("echo " + request.body()) + "}", Duration.ZERO, false));
		Path files = Files.createDirectories(directory.resolve("secrets"));
		Files.writeString(files.resolve("FILE_SECRET"), FILE_SECRET);
		Path configuration = Files.writeString(directory.resolve("relay.yml"), """
				relay:
				  ingest:
				    auth:
				      tokens: ["%s"]
				  admin:
				    tokens:
				      - name: alice
				        token: "%s"
				        role: operator
				  secrets:
				    logpoint-username: ${LP_USERNAME}
				    logpoint-secret-key: ${LP_SECRET}
				    from-file: ${FILE_SECRET}
				  webhooks:
				    - name: logpoint
				      url: %s/reopen_incident?token={{secret 'from-file'}}
				      headers:
				        X-Key: "{{secret 'logpoint-secret-key'}}"
				      triggers: [Created, Granted]
				      body-template: '{"username": "{{secret ''logpoint-username''}}", "secret_key": "{{secret ''logpoint-secret-key''}}", "requestData": {"version": "0.1", "incident_ids": {{json (list data.custom_fields.incident_ids)}} }}'
				      timeout: 2s
				      circuit-breaker:
				        failure-threshold: 1000
				      response-validators:
				        - json-path: $.data.message
				          expected-values: [ok]
				""".formatted(INGEST_TOKEN, ADMIN_TOKEN, target.url()));
		Path store = directory.resolve("relay");
		RelayProcess relay = new RelayProcess("secrets", configuration,
				"--spring.datasource.url=jdbc:h2:file:" + store + ";WRITE_DELAY=0",
				"--spring.config.import=configtree:" + files + "/", "--logging.level.root=DEBUG",
				"--LP_USERNAME=" + LOGPOINT_USERNAME, "--LP_SECRET=" + LOGPOINT_SECRET);
		List<String> written = new ArrayList<>();
		try {
			relay.start();
			RelayClient client = relay.client().withTokens(INGEST_TOKEN, ADMIN_TOKEN);
			for (int i = 0; i < 5; i++) {
				written.add(client.postJson("/ingest/apono", QueueEvents.event("secrets-" + i, "RequestGranted", 1, "any"))
					.body());
			}
			written.add(relay.client().withTokens("wrong-token-0000000000", "wrong").postJson("/ingest/apono",
					SampleEvent.json()).body());
			written.add(client.postJson("/api/explain", SampleEvent.json()).body());
			written.add(client.post("/api/webhooks/logpoint/test", null, new byte[0]).body());
			await().atMost(Duration.ofSeconds(20)).until(
					() -> client.get("/api/invocations?status=FAILED&limit=100").jsonList().size(), (failed) -> failed >= 6);
			written.add(client.get("/api/invocations?limit=100").body());
			for (Object invocation : client.get("/api/invocations?limit=100").jsonList()) {
				written.add(client.get("/api/invocations/" + ((Map<?, ?>) invocation).get("id")).body());
			}
			for (String endpoint : List.of("/api/webhooks", "/actuator/env", "/actuator/configprops",
					"/actuator/prometheus", "/actuator/health")) {
				written.add(client.get(endpoint).body());
			}
			assertThat(target.received()).as("the target did get the real secrets").isNotEmpty()
				.allSatisfy((request) -> assertThat(request.body()).contains(LOGPOINT_SECRET));
		}
		finally {
			relay.terminate();
			relay.process().waitFor();
			target.stop();
		}
		written.add(Files.readString(Path.of("target", "it-logs", "secrets.log")));
		written.add(new String(Files.readAllBytes(directory.resolve("relay.mv.db")), StandardCharsets.ISO_8859_1));

		for (String secret : List.of(LOGPOINT_USERNAME, LOGPOINT_SECRET, INGEST_TOKEN, ADMIN_TOKEN, FILE_SECRET)) {
			String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
			assertThat(written).allSatisfy((text) -> assertThat(text).doesNotContain(secret).doesNotContain(base64));
		}
		assertThat(String.join("\n", written)).contains("****");
	}

}
