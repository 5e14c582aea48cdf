package io.aponorelay.logpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.aponorelay.RelayClient;
import io.aponorelay.RelayClient.Response;
import io.aponorelay.RelayInstance;
import io.aponorelay.event.JsonValues;
import io.aponorelay.event.SampleEvent;
import io.aponorelay.logpoint.LogpointSimulator.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Logpoint action presets against the simulator over real HTTP: the exact bodies, Logpoint's
 * state rules, its error semantics, and the connection check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("logpoint")
@SuppressWarnings("unchecked")
class LogpointPresetsTest {

	private static final int port = io.aponorelay.it.Ports.free();

	private static final String INCIDENT = "5a62bd8cce983de89085429c";

	@Autowired
	private LogpointSimulator simulator;

	private RelayClient relay;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("logpoint.port", () -> port);
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:logpoint-presets;DB_CLOSE_DELAY=-1");
	}

	@BeforeEach
	void connect() {
		relay = new RelayClient("http://localhost:" + port);
	}

	@Test
	void createdGrantedAndExpiredReopenCommentAndResolveTheIncident() {
		String incident = "6b73ce9ddf094ef9a196530d";
		simulator.add(new Incident(incident, "Privileged access on orders", "resolved", simulator.apiUserId()));
		String request = java.util.UUID.randomUUID().toString();

		deliver(event(request, "RequestCreated", 1, incident), 2);
		assertThat(simulator.incident(incident).status()).isEqualTo("unresolved");
		deliver(event(request, "RequestGranted", 2, incident), 1);
		deliver(event(request, "RequestExpired", 3, incident), 2);

		Incident result = simulator.incident(incident);
		assertThat(result.status()).isEqualTo("resolved");
		assertThat(result.comments()).containsExactly(
				"Access RequestCreated for alice@example.com: Investigating incident INC-311 on the orders database",
				"Access RequestGranted for alice@example.com: Investigating incident INC-311 on the orders database",
				"Access RequestExpired for alice@example.com: Investigating incident INC-311 on the orders database");
	}

	@Test
	void aPresetSendsTheExactLogpointBody() {
		Response explained = relay.postJson("/api/explain", event("r", "RequestCreated", 1, "5A62BD8CCE983DE89085429C, "
				+ "5a62bd8cce983de89085429b"));
		Map<String, Object> reopen = explained.objects("webhooks").get(0);
		Map<String, Object> request = (Map<String, Object>) reopen.get("request");
		assertThat(request).containsEntry("method", "POST")
			.containsEntry("url", "http://localhost:" + port + "/logpoint-simulator/reopen_incident");
		assertThat(JsonValues.parse((String) request.get("body"))).isEqualTo(JsonValues.parse("""
				{"username": "****", "secret_key": "****", "requestData": {"version": "0.1",
				 "incident_ids": ["5a62bd8cce983de89085429c", "5a62bd8cce983de89085429b"]}}"""));
		Map<String, Object> comment = (Map<String, Object>) explained.objects("webhooks").get(1).get("request");
		assertThat(JsonValues.parse((String) comment.get("body"))).isEqualTo(JsonValues.parse("""
				{"username": "****", "secret_key": "****", "requestData": {"version": "0.1", "states": [
				 {"_id": "5a62bd8cce983de89085429c", "comments": ["Access RequestCreated for alice@example.com: Investigating incident INC-311 on the orders database"]},
				 {"_id": "5a62bd8cce983de89085429b", "comments": ["Access RequestCreated for alice@example.com: Investigating incident INC-311 on the orders database"]}]}}"""));
	}

	@Test
	void assignSendsTheNewAssignee() {
		String incident = "7c84df0ee0a5f0fa2b7641e0";
		simulator.add(new Incident(incident, "Unassigned", "unresolved", "5bebd9fdd8aaa42840edc854"));
		String event = event("assign", "RequestApproved", 1, incident).replace("\"environment\": \"production\"",
				"\"environment\": \"production\", \"assignee\": \"" + simulator.apiUserId() + "\"");
		deliver(event, 1);
		assertThat(simulator.incident(incident).assignedTo()).isEqualTo(simulator.apiUserId());
	}

	@Test
	void anIdThatIsNoObjectIdFailsPermanentlyNamingIt() {
		Map<String, Object> invocation = relay.postJson("/api/webhooks/reopen-when-created/test",
				event("bad", "RequestCreated", 1, "INC-311, 5a62bd8cce983de89085429c")).json();
		assertThat(invocation).containsEntry("status", "FAILED");
		assertThat((String) invocation.get("lastError"))
			.isEqualTo("logpoint.incident-ids: incident id 'INC-311' is not an object id of 24 hex digits");
	}

	@Test
	void refusedCredentialsArePermanentOpenTheCircuitAndSaySo() {
		String request = java.util.UUID.randomUUID().toString();
		String key = (String) relay.postJson("/ingest/apono", event(request, "RequestRejected", 1, INCIDENT)).json()
			.get("eventKey");
		Map<String, Object> failed = await().atMost(Duration.ofSeconds(10))
			.until(() -> invocation(key, "wrong-credentials"), (invocation) -> "FAILED".equals(invocation.get("status")));
		assertThat((String) failed.get("lastError")).startsWith("Logpoint refused the credentials (Authentication Failed)");
		assertThat(failed).containsEntry("attemptCount", 1);
		assertThat((Map<String, Object>) webhook("wrong-credentials").get("circuit")).containsEntry("state", "OPEN");

		Map<String, Object> wrongPath = await().atMost(Duration.ofSeconds(10))
			.until(() -> invocation(key, "wrong-path"), (invocation) -> "FAILED".equals(invocation.get("status")));
		assertThat((String) wrongPath.get("lastError")).startsWith("HTTP 404 with an HTML page: Logpoint has no such endpoint");
	}

	@Test
	void theCheckSaysWhetherLogpointTakesTheCredentials() {
		Map<String, Object> check = relay.get("/api/logpoint/check").json();
		assertThat(check).containsEntry("reachable", true)
			.containsEntry("credentials", "accepted")
			.containsEntry("tls", "not used (http)")
			.containsEntry("users", 2)
			.containsEntry("status", 200);
		try (RelayInstance wrong = RelayInstance.start("--relay.ingest.auth.mode=none", "--relay.admin.auth=none",
				"--relay.logpoint.url=http://localhost:" + port + "/logpoint-simulator",
				"--relay.logpoint.username=lp-api-user-test", "--relay.logpoint.secret-key=a-wrong-secret-key-000")) {
			Map<String, Object> refused = wrong.client().get("/api/logpoint/check").json();
			assertThat(refused).containsEntry("reachable", true).containsEntry("credentials", "refused");
			assertThat((String) refused.get("message")).isEqualTo("HTTP 200: Authentication Failed");
		}
		try (RelayInstance unreachable = RelayInstance.start("--relay.ingest.auth.mode=none", "--relay.admin.auth=none",
				"--relay.logpoint.url=http://127.0.0.1:" + io.aponorelay.it.Ports.free(),
				"--relay.logpoint.username=lp-user", "--relay.logpoint.secret-key=lp-key-0123456789")) {
			assertThat(unreachable.client().get("/api/logpoint/check").json()).containsEntry("reachable", false)
				.containsEntry("message", "Connection refused");
		}
	}

	/** Posts an event and waits until as many deliveries as it triggers have succeeded. */
	private void deliver(String event, int deliveries) {
		Response accepted = relay.postJson("/ingest/apono", event);
		assertThat(accepted.objects("deliveries")).hasSize(deliveries);
		for (Map<String, Object> delivery : accepted.objects("deliveries")) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(relay.get("/api/invocations/" + delivery.get("invocationId")).json())
					.containsEntry("status", "SUCCEEDED"));
		}
	}

	private Map<String, Object> invocation(String eventKey, String webhook) {
		return ((List<Object>) relay.get("/api/invocations?webhook=" + webhook + "&limit=20").jsonList()).stream()
			.map((invocation) -> (Map<String, Object>) invocation)
			.filter((invocation) -> eventKey.equals(invocation.get("eventKey")))
			.findFirst()
			.map((invocation) -> relay.get("/api/invocations/" + invocation.get("id")).json())
			.orElse(Map.of());
	}

	private Map<String, Object> webhook(String name) {
		return ((List<Object>) relay.get("/api/webhooks").jsonList()).stream()
			.map((webhook) -> (Map<String, Object>) webhook)
			.filter((webhook) -> name.equals(webhook.get("name")))
			.findFirst()
			.orElseThrow();
	}

	private static String event(String requestId, String trigger, long time, String incidentIds) {
		return SampleEvent.json()
			.replace("5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c", requestId)
			.replace("\"RequestGranted\"", "\"" + trigger + "\"")
			.replace("1796292000.123456000", time + ".0")
			.replace("[\"5a62bd8cce983de89085429c\", \"5a62bd8cce983de89085429b\"]", "\"" + incidentIds + "\"");
	}

}
