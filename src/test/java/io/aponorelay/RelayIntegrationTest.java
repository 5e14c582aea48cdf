package io.aponorelay;

import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The base of the end-to-end tests: the whole relay on a random port, over a real H2 file store,
 * with WireMock standing in for Logpoint over real HTTP. All such tests share one application
 * context, one store and one WireMock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class RelayIntegrationTest {

	/** The tokens application-it.yml configures. */
	protected static final String INGEST_TOKEN = "it-ingest-token-5f2e8c1a9b";

	protected static final String OPERATOR_TOKEN = "it-admin-operator-7d3a9e2c";

	protected static final String VIEWER_TOKEN = "it-admin-viewer-1c8b4f6d40";

	protected static final WireMockServer target = new WireMockServer(options().dynamicPort());

	private static final Path store;

	/** A port where nothing listens: it was free a moment ago and nothing here opens it. */
	private static final int closedPort;

	static {
		target.start();
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			store = Files.createTempDirectory("relay-it-store");
			closedPort = socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcClient jdbc;

	protected RelayClient relay;

	@DynamicPropertySource
	static void relayProperties(DynamicPropertyRegistry registry) {
		registry.add("target.url", target::baseUrl);
		registry.add("closed.url", () -> "http://127.0.0.1:" + closedPort);
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + store.resolve("relay") + ";DB_CLOSE_ON_EXIT=FALSE");
	}

	@BeforeEach
	void connect() {
		relay = new RelayClient("http://localhost:" + port, INGEST_TOKEN, OPERATOR_TOKEN);
		target.resetAll();
	}

	protected long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

}
