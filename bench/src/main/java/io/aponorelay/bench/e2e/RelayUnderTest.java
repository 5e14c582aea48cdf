package io.aponorelay.bench.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The relay as users run it, {@code java -jar target/apono-logpoint-relay.jar}, with a
 * benchmark configuration: no authentication or rate limit (they are not what is measured), one
 * webhook to the stub target, and the baseline endpoint on.
 */
final class RelayUnderTest implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Duration startup;

	private RelayUnderTest(Process process, int port, Duration startup) {
		this.process = process;
		this.port = port;
		this.startup = startup;
	}

	static RelayUnderTest start(Path directory, String targetUrl, List<String> store) throws IOException,
			InterruptedException {
		Path configuration = Files.writeString(directory.resolve("bench.yml"), """
				bench:
				  baseline-endpoint: true
				relay:
				  ingest:
				    auth:
				      mode: none
				    rate-limit:
				      requests-per-second: 0
				  admin:
				    auth: none
				  delivery:
				    concurrency: 256
				    poll-interval: 500ms
				  webhooks:
				    - name: logpoint
				      url: %s/reopen_incident
				      headers:
				        X-Event-Key: "{{relay.eventKey}}"
				      triggers: [Created, Approved, Granted, Rejected, Expired, Failed]
				      body-template: '{"username": "u", "secret_key": "k", "requestData": {"version": "0.1", "incident_ids": {{json (list data.custom_fields.incident_ids)}} }}'
				      timeout: 5s
				      concurrency: 200
				      circuit-breaker:
				        failure-threshold: 100000
				      response-validators:
				        - json-path: $.data.success
				          expected-values: [true]
				logging:
				  level:
				    io.aponorelay: WARN
				""".formatted(targetUrl));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		// bench/run prepares the relay as the container image runs it: extracted, with an AOT cache
		String application = System.getProperty("bench.relay-dir");
		List<String> command = new ArrayList<>(List.of(java()));
		Stream.of(System.getProperty("bench.relay-jvm-options", "").split(" "))
			.filter((option) -> !option.isBlank())
			.forEach(command::add);
		command.addAll(List.of("-jar", (application != null) ? "apono-logpoint-relay.jar"
				: Path.of("target", "apono-logpoint-relay.jar").toAbsolutePath().toString()));
		command.addAll(List.of("--server.port=" + port, "--spring.config.additional-location=file:" + configuration));
		command.addAll(store);
		long start = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(command);
		if (application != null) {
			builder.directory(Path.of(application).toFile());
		}
		String arenas = System.getProperty("bench.malloc-arena-max", "");
		if (!arenas.isBlank()) {
			builder.environment().put("MALLOC_ARENA_MAX", arenas);
		}
		Process process = builder.redirectErrorStream(true)
			.redirectOutput(directory.resolve("relay.log").toFile())
			.start();
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.build();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The relay exited; see " + directory.resolve("relay.log"));
			}
			try {
				if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					break;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(10);
		}
		return new RelayUnderTest(process, port, Duration.ofNanos(System.nanoTime() - start));
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	Duration startup() {
		return startup;
	}

	/** Resident memory, from /proc. */
	long residentBytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		return 0;
	}

	/** CPU time used so far (user and system), from /proc, in milliseconds. */
	long cpuMillis() throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return ticks * 1000 / 100;
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		process.waitFor();
	}

}
