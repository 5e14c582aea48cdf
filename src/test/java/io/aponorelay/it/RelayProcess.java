package io.aponorelay.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.aponorelay.RelayClient;

import static org.awaitility.Awaitility.await;

/**
 * The relay as its users run it: {@code java -jar target/apono-logpoint-relay.jar} in a process of
 * its own, which a test can kill with SIGKILL or stop with SIGTERM. Its output goes to
 * {@code target/it-logs/}.
 */
final class RelayProcess {

	private static final Path JAR = Path.of("target", "apono-logpoint-relay.jar");

	private final String name;

	private final int port;

	private final List<String> arguments;

	private Process process;

	RelayProcess(String name, Path configuration, String... arguments) {
		this.name = name;
		this.port = freePort();
		this.arguments = new ArrayList<>(List.of("--server.port=" + port,
				"--spring.config.additional-location=file:" + configuration.toAbsolutePath()));
		this.arguments.addAll(List.of(arguments));
	}

	/** Starts the relay and waits until it is ready. */
	RelayProcess start() {
		try {
			Path logs = Files.createDirectories(Path.of("target", "it-logs"));
			List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toAbsolutePath().toString()));
			command.addAll(arguments);
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logs.resolve(name + ".log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(this::isReady);
		return this;
	}

	RelayClient client() {
		return new RelayClient("http://localhost:" + port);
	}

	/** SIGKILL: the process dies on the spot, whatever it was doing. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** SIGTERM, as a container runtime stops it. */
	void terminate() {
		process.destroy();
	}

	Process process() {
		return process;
	}

	private boolean isReady() {
		if (!process.isAlive()) {
			throw new IllegalStateException("The relay " + name + " exited with " + process.exitValue()
					+ "; see target/it-logs/" + name + ".log");
		}
		try {
			return client().get("/actuator/health/readiness").status() == 200;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A relay configuration with one webhook to the target, short leases and quick retries. */
	static Path configuration(Path directory, String targetUrl, String extra) throws IOException {
		return configuration(directory, targetUrl, extra, "1s");
	}

	/** The same, with the webhook's timeout. */
	static Path configuration(Path directory, String targetUrl, String extra, String timeout) throws IOException {
		return Files.writeString(directory.resolve("relay.yml"), """
				relay:
				  ingest:
				    auth:
				      mode: none
				  admin:
				    auth: none
				  delivery:
				    concurrency: 8
				    poll-interval: 200ms
				    lease-margin: 2s
				    shutdown-grace: 1s
				  webhooks:
				    - name: logpoint
				      url: %s/reopen_incident
				      headers:
				        X-Event-Key: "{{relay.eventKey}}"
				      triggers: [Created, Approved, Granted, Expired, Rejected, Failed]
				      body-template: '{"key": "{{relay.eventKey}}", "request": "{{data.id}}"}'
				      timeout: %s
				      concurrency: 4
				      retry:
				        max-attempts: 1000
				        initial-backoff: 50ms
				        max-backoff: 200ms
				        max-age: 1h
				      circuit-breaker:
				        failure-threshold: 5
				        open-duration: 200ms
				%s""".formatted(targetUrl, timeout, extra));
	}

}
