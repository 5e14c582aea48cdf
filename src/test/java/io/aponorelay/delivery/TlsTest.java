package io.aponorelay.delivery;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.aponorelay.RelayClient;
import io.aponorelay.TestCertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real TLS handshakes with certificates made for this run: targets with a private CA, with mutual
 * TLS, and with a certificate for another host; and the relay serving HTTPS itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings("unchecked")
class TlsTest {

	private static final TestCertificates certificates = TestCertificates.get();

	/** A store of its own, not the default ./data of a relay run from the project. */
	private static final Path store = temporaryDirectory();

	private static final WireMockServer privateCa = https(certificates.server().toString(), false);

	private static final WireMockServer mutual = https(certificates.server().toString(), true);

	private static final WireMockServer otherHost = https(certificates.otherHost().toString(), false);

	@LocalServerPort
	private int port;

	private RelayClient relay;

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) {
		String password = TestCertificates.PASSWORD;
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + store.resolve("relay") + ";WRITE_DELAY=0");
		registry.add("relay.ingest.auth.mode", () -> "none");
		registry.add("relay.admin.auth", () -> "none");
		registry.add("spring.ssl.bundle.pem.test-ca.truststore.certificate", () -> "file:" + certificates.caPem());
		registry.add("spring.ssl.bundle.jks.mtls.keystore.location", () -> "file:" + certificates.client());
		registry.add("spring.ssl.bundle.jks.mtls.keystore.password", () -> password);
		registry.add("spring.ssl.bundle.jks.mtls.keystore.type", () -> "PKCS12");
		registry.add("spring.ssl.bundle.jks.mtls.truststore.location", () -> "file:" + certificates.caTrustStore());
		registry.add("spring.ssl.bundle.jks.mtls.truststore.password", () -> password);
		registry.add("spring.ssl.bundle.jks.mtls.truststore.type", () -> "PKCS12");
		registry.add("spring.ssl.bundle.jks.relay-server.keystore.location", () -> "file:" + certificates.server());
		registry.add("spring.ssl.bundle.jks.relay-server.keystore.password", () -> password);
		registry.add("spring.ssl.bundle.jks.relay-server.keystore.type", () -> "PKCS12");
		registry.add("server.ssl.bundle", () -> "relay-server");
		webhook(registry, 0, "trusted", privateCa, "test-ca", false);
		webhook(registry, 1, "untrusted", privateCa, null, false);
		webhook(registry, 2, "mutual", mutual, "mtls", false);
		webhook(registry, 3, "mutual-without-certificate", mutual, "test-ca", false);
		webhook(registry, 4, "wrong-host", otherHost, "test-ca", false);
		webhook(registry, 5, "insecure", otherHost, null, true);
	}

	@BeforeEach
	void connect() throws GeneralSecurityException, IOException {
		for (WireMockServer target : List.of(privateCa, mutual, otherHost)) {
			target.stubFor(post("/reopen_incident").willReturn(okJson("{\"success\": true}")));
		}
		relay = new RelayClient("https://localhost:" + port, null, null,
				HttpClient.newBuilder().sslContext(trustingTheTestCa()).build());
	}

	@Test
	void aTargetWithAPrivateCaIsTrustedThroughTheBundle() {
		assertThat(test("trusted")).containsEntry("status", "SUCCEEDED");
	}

	@Test
	void withoutTheBundleTheCertificateIsRefusedAsATlsFailure() {
		Map<String, Object> error = error(test("untrusted"));
		assertThat(error).containsEntry("kind", "TLS");
		assertThat((String) error.get("message")).startsWith("TLS handshake failed: ").contains("PKIX path building failed");
	}

	@Test
	void mutualTlsPresentsTheClientCertificateFromTheBundle() {
		assertThat(test("mutual")).containsEntry("status", "SUCCEEDED");
		assertThat(test("mutual-without-certificate")).containsEntry("status", "FAILED");
		assertThat(error(test("mutual-without-certificate")).get("kind")).isIn("TLS", "CONNECTION");
	}

	@Test
	void theHostNameIsVerified() {
		Map<String, Object> error = error(test("wrong-host"));
		assertThat(error).containsEntry("kind", "TLS");
		assertThat((String) error.get("message")).contains("localhost");
	}

	@Test
	void skippingVerificationIsExplicitAndShown() {
		assertThat(test("insecure")).containsEntry("status", "SUCCEEDED");
		List<Object> webhooks = (List<Object>) relay.get("/api/webhooks").jsonList();
		assertThat(webhooks).extracting((webhook) -> ((Map<String, Object>) webhook).get("insecureSkipTlsVerify"))
			.containsExactly(false, false, false, false, false, true);
	}

	@Test
	void theRelayServesHttpsWithItsBundle() {
		assertThat(relay.get("/actuator/health").status()).isEqualTo(200);
	}

	private Map<String, Object> test(String webhook) {
		RelayClient.Response response = relay.post("/api/webhooks/" + webhook + "/test", null, new byte[0]);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static Map<String, Object> error(Map<String, Object> invocation) {
		List<Map<String, Object>> attempts = (List<Map<String, Object>>) invocation.get("attempts");
		return (Map<String, Object>) attempts.get(0).get("error");
	}

	private static void webhook(DynamicPropertyRegistry registry, int index, String name, WireMockServer target,
			String bundle, boolean insecure) {
		String prefix = "relay.webhooks[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "url", () -> "https://localhost:" + target.httpsPort() + "/reopen_incident");
		registry.add(prefix + "triggers", () -> "Created");
		registry.add(prefix + "body-template", () -> "{\"key\": \"{{relay.eventKey}}\"}");
		registry.add(prefix + "timeout", () -> "3s");
		if (bundle != null) {
			registry.add(prefix + "ssl-bundle", () -> bundle);
		}
		if (insecure) {
			registry.add(prefix + "insecure-skip-tls-verify", () -> "true");
		}
	}

	private static WireMockServer https(String keyStore, boolean needClientAuth) {
		WireMockConfiguration options = options().httpDisabled(true)
			.dynamicHttpsPort()
			.keystorePath(keyStore)
			.keystorePassword(TestCertificates.PASSWORD)
			.keyManagerPassword(TestCertificates.PASSWORD)
			.keystoreType("PKCS12");
		if (needClientAuth) {
			options.needClientAuth(true)
				.trustStorePath(certificates.caTrustStore().toString())
				.trustStorePassword(TestCertificates.PASSWORD)
				.trustStoreType("PKCS12");
		}
		WireMockServer server = new WireMockServer(options);
		server.start();
		return server;
	}

	private static SSLContext trustingTheTestCa() throws GeneralSecurityException, IOException {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		try (InputStream in = new FileInputStream(certificates.caTrustStore().toFile())) {
			trust.load(in, TestCertificates.PASSWORD.toCharArray());
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("relay-tls-store");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
