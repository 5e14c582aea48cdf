package io.aponorelay.logpoint;

import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.aponorelay.RelayClient;
import io.aponorelay.RelayInstance;
import io.aponorelay.TestCertificates;
import io.aponorelay.event.JsonValues;
import io.aponorelay.event.SampleEvent;
import io.aponorelay.it.Ports;
import io.aponorelay.logpoint.SyslogCollector.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CEF-over-syslog sink against real listeners that parse what arrives: TCP and TLS with
 * octet-counted frames, UDP datagrams, a collector that is down at first, and justifications
 * full of what CEF must escape.
 */
class SyslogSinkTest {

	private static final String HOSTILE = "Need root | now = urgent \\ C:\\ops\nsecond line\r\nthird; ünïcødé 日本 🚀 msg=fake";

	@Test
	void tcpFramesCarryRfc5424WithTheCefFieldsEscaped() throws Exception {
		int port = Ports.free();
		try (SyslogCollector collector = SyslogCollector.tcp(port);
				RelayInstance relay = start("tcp", port, "--relay.syslog.hostname=relay-1")) {
			String key = (String) post(relay, SampleEvent.json().replace("Investigating incident INC-311 on the orders database",
					JsonValues.toJson(HOSTILE).replaceAll("^\"|\"$", ""))).get("eventKey");

			Message message = Message.parse(collector.next(10));

			assertThat(message.priority()).isEqualTo(13 * 8 + 5);
			assertThat(message.timestamp()).isEqualTo("2026-12-03T10:00:00.123456Z");
			assertThat(message.hostname()).isEqualTo("relay-1");
			assertThat(message.appName()).isEqualTo("apono-relay");
			assertThat(message.msgId()).isEqualTo("RequestGranted");
			assertThat(message.cefHeader()).containsExactly("CEF:0", "Apono", "Access", "1.0", "RequestGranted",
					"Access granted", "6");
			assertThat(message.cef()).containsEntry("rt", "1796292000123")
				.containsEntry("externalId", "5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c")
				.containsEntry("suser", "alice@example.com")
				.containsEntry("duser", "Alice Example")
				.containsEntry("cs1", "AR-1042")
				.containsEntry("cs1Label", "Request")
				.containsEntry("cs2", "prod db")
				.containsEntry("cs3", "orders")
				.containsEntry("cs4", "ReadOnly")
				.containsEntry("cs5", key)
				.containsEntry("msg", HOSTILE.replace("\r\n", "\n"));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void tlsFramesUseTheBundleAndVerifyTheHost() throws Exception {
		int port = Ports.free();
		TestCertificates certificates = TestCertificates.get();
		try (SyslogCollector collector = SyslogCollector.tls(port, serverContext(certificates));
				RelayInstance relay = start("tls", port, "--relay.syslog.ssl-bundle=test-ca",
						"--spring.ssl.bundle.pem.test-ca.truststore.certificate=file:" + certificates.caPem())) {
			Map<String, Object> accepted = post(relay, SampleEvent.json());
			String id = (String) ((List<Map<String, Object>>) accepted.get("deliveries")).get(0).get("invocationId");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(relay.client().get("/api/invocations/" + id).json())
					.as(() -> relay.client().get("/api/invocations/" + id).body())
					.containsEntry("status", "SUCCEEDED"));
			assertThat(Message.parse(collector.next(10)).cefHeader()).contains("RequestGranted");
		}
	}

	@Test
	void udpSendsOneMessagePerDatagram() throws Exception {
		int port = Ports.free();
		try (SyslogCollector collector = SyslogCollector.udp(port); RelayInstance relay = start("udp", port)) {
			post(relay, SampleEvent.json().replace("RequestGranted", "RequestCreated"));
			Message message = Message.parse(collector.next(10));
			assertThat(message.msgId()).isEqualTo("RequestCreated");
			assertThat(message.priority()).isEqualTo(13 * 8 + 6);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void anEventAcceptedWhileTheCollectorIsDownArrivesWhenItIsUp() throws Exception {
		int port = Ports.free();
		try (RelayInstance relay = start("tcp", port)) {
			Map<String, Object> accepted = post(relay, SampleEvent.json());
			String id = (String) ((List<Map<String, Object>>) accepted.get("deliveries")).get(0).get("invocationId");
			RelayClient client = relay.client();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> client.get("/api/invocations/" + id).json().get("status"), "RETRYING"::equals);
			assertThat((String) client.get("/api/invocations/" + id).json().get("lastError")).isEqualTo("Connection refused");

			try (SyslogCollector collector = SyslogCollector.tcp(port)) {
				assertThat(Message.parse(collector.next(30)).msgId()).isEqualTo("RequestGranted");
				await().atMost(Duration.ofSeconds(5))
					.until(() -> client.get("/api/invocations/" + id).json().get("status"), "SUCCEEDED"::equals);
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theMatchedScopeSendsOnlyEventsAnotherWebhookTakes() {
		try (RelayInstance relay = start("tcp", Ports.free(), "--relay.syslog.scope=matched",
				"--relay.webhooks[0].name=granted-only", "--relay.webhooks[0].url=http://127.0.0.1:9/x",
				"--relay.webhooks[0].triggers=Granted")) {
			List<Map<String, Object>> granted = (List<Map<String, Object>>) post(relay, SampleEvent.json()).get("deliveries");
			assertThat(granted).extracting((delivery) -> delivery.get("webhook"))
				.containsExactly("granted-only", "logpoint-syslog");
			List<Map<String, Object>> created = (List<Map<String, Object>>) post(relay,
					SampleEvent.json().replace("RequestGranted", "RequestCreated")).get("deliveries");
			assertThat(created).isEmpty();
		}
	}

	private static Map<String, Object> post(RelayInstance relay, String event) {
		RelayClient.Response response = relay.client().postJson("/ingest/apono", event);
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		return response.json();
	}

	private static RelayInstance start(String protocol, int port, String... more) {
		// TLS verifies the host name: the test certificate is for localhost
		String host = protocol.equals("tls") ? "localhost" : "127.0.0.1";
		List<String> arguments = new java.util.ArrayList<>(List.of("--relay.ingest.auth.mode=none", "--relay.admin.auth=none",
				"--relay.syslog.host=" + host, "--relay.syslog.port=" + port, "--relay.syslog.protocol=" + protocol));
		arguments.addAll(List.of(more));
		return RelayInstance.start(arguments.toArray(String[]::new));
	}

	private static SSLContext serverContext(TestCertificates certificates) throws Exception {
		java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
		try (InputStream in = new FileInputStream(certificates.server().toFile())) {
			store.load(in, TestCertificates.PASSWORD.toCharArray());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, TestCertificates.PASSWORD.toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

}
