package io.aponorelay.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.aponorelay.RelayClient;
import io.aponorelay.event.JsonValues;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No Docker engine runs here, so this runs the Dockerfile's own commands, read from the file: Boot's
 * layered extraction, the layers copied into one directory, the training start that writes the AOT
 * cache, the ENTRYPOINT with the image's environment (JVM options, config from a config directory,
 * the H2 store in a data directory, secrets from files), and the HEALTHCHECK, which must pass once
 * the relay is ready.
 */
class ContainerLayoutIT {

	private static final Path DOCKERFILE = Path.of("Dockerfile");

	@TempDir
	Path root;

	@Test
	void theImagesCommandsExtractRunAndPassTheHealthCheck() throws Exception {
		String dockerfile = Files.readString(DOCKERFILE).replace("\\\n", " ");
		Path build = Files.createDirectories(root.resolve("build"));
		Files.createDirectories(build.resolve("target"));
		Files.copy(Path.of("target", "apono-logpoint-relay.jar"), build.resolve("target/apono-logpoint-relay.jar"));
		run(build, extractCommand(dockerfile));

		Path app = Files.createDirectories(root.resolve("app"));
		for (String layer : layers(dockerfile)) {
			copyTree(build.resolve("extracted").resolve(layer), app);
		}
		Map<String, String> environment = environment(dockerfile);
		ProcessBuilder training = new ProcessBuilder(withJava(trainingCommand(dockerfile))).directory(app.toFile())
			.inheritIO();
		training.environment().put("JDK_JAVA_OPTIONS", environment.get("JDK_JAVA_OPTIONS"));
		assertThat(training.start().waitFor()).as("the training start").isZero();
		assertThat(app.resolve("app.aot")).as("the AOT cache").exists();

		Path config = Files.createDirectories(root.resolve("config"));
		Path data = Files.createDirectories(root.resolve("data"));
		Path secrets = Files.createDirectories(root.resolve("secrets"));
		Files.writeString(secrets.resolve("APONO_INGEST_TOKEN"), "container-ingest-token-0123");
		Files.writeString(config.resolve("relay.yml"), """
				relay:
				  ingest:
				    auth:
				      tokens: ["${APONO_INGEST_TOKEN}"]
				  admin:
				    auth: none
				""");
		int port = Ports.free();
		environment.put("SPRING_CONFIG_ADDITIONAL_LOCATION", environment.get("SPRING_CONFIG_ADDITIONAL_LOCATION")
			.replace("/config/", config + "/"));
		assertThat(environment.get("SPRING_CONFIG_ADDITIONAL_LOCATION")).endsWith("/relay.yml");
		environment.put("SPRING_DATASOURCE_URL", environment.get("SPRING_DATASOURCE_URL").replace("/data/", data + "/"));
		environment.put("SPRING_CONFIG_IMPORT", "optional:configtree:" + secrets + "/");
		environment.put("SERVER_PORT", String.valueOf(port));

		List<String> entrypoint = withJava(jsonArray(dockerfile, "ENTRYPOINT"));
		Path log = Files.createDirectories(Path.of("target", "it-logs")).resolve("container.log");
		ProcessBuilder relay = new ProcessBuilder(entrypoint).directory(app.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		relay.environment().putAll(environment);
		Process process = relay.start();
		try {
			List<String> healthcheck = jsonArray(dockerfile, "CMD").stream()
				.map((part) -> part.replace("127.0.0.1/8080", "127.0.0.1/" + port))
				.toList();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
				.until(() -> new ProcessBuilder(healthcheck).start().waitFor() == 0);
			RelayClient client = new RelayClient("http://localhost:" + port, "container-ingest-token-0123", null);
			assertThat(client.postJson("/ingest/apono", SampleEvent.json()).status()).isEqualTo(202);
			assertThat(Files.exists(data.resolve("relay.mv.db"))).as("the store is in the data directory").isTrue();
			assertThat(Files.readString(log)).as("the JVM took the image's options and its AOT cache")
				.contains("Picked up JDK_JAVA_OPTIONS: " + environment.get("JDK_JAVA_OPTIONS"))
				.doesNotContain("[aot]");
		}
		finally {
			process.destroy();
			process.waitFor();
		}
	}

	private static List<String> extractCommand(String dockerfile) {
		Matcher matcher = Pattern.compile("&& (java -Djarmode=tools -jar \\S+ extract [^\\n]*)").matcher(dockerfile);
		assertThat(matcher.find()).as("the Dockerfile extracts Boot's layers").isTrue();
		return List.of(matcher.group(1).strip().split("\\s+"));
	}

	private static List<String> trainingCommand(String dockerfile) {
		Matcher matcher = Pattern.compile("\\nRUN (java -XX:AOTCacheOutput=app.aot [^\\n]*)").matcher(dockerfile);
		assertThat(matcher.find()).as("the Dockerfile trains an AOT cache").isTrue();
		return List.of(matcher.group(1).strip().split("\\s+"));
	}

	private static List<String> withJava(List<String> command) {
		List<String> withJava = new ArrayList<>(command);
		withJava.set(0, ProcessHandle.current().info().command().orElse("java"));
		return withJava;
	}

	private static List<String> layers(String dockerfile) {
		List<String> layers = new ArrayList<>();
		Matcher matcher = Pattern.compile("COPY --from=build /build/extracted/([a-z-]+)/ \\./").matcher(dockerfile);
		while (matcher.find()) {
			layers.add(matcher.group(1));
		}
		assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		return layers;
	}

	private static Map<String, String> environment(String dockerfile) {
		Map<String, String> environment = new LinkedHashMap<>();
		Matcher env = Pattern.compile("\\nENV ([^\\n]*)").matcher(dockerfile);
		while (env.find()) {
			Matcher pair = Pattern.compile("([A-Z_]+)=(\"[^\"]*\"|\\S+)").matcher(env.group(1));
			while (pair.find()) {
				environment.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
			}
		}
		assertThat(environment).containsKeys("SPRING_CONFIG_ADDITIONAL_LOCATION", "SPRING_DATASOURCE_URL",
				"JDK_JAVA_OPTIONS", "MALLOC_ARENA_MAX");
		return environment;
	}

	@SuppressWarnings("unchecked")
	private static List<String> jsonArray(String dockerfile, String instruction) {
		Matcher matcher = Pattern.compile(instruction + " (\\[[^\\n]*])").matcher(dockerfile);
		assertThat(matcher.find()).as(instruction).isTrue();
		return (List<String>) JsonValues.parse(matcher.group(1));
	}

	private static void run(Path directory, List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(withJava(command)).directory(directory.toFile()).inheritIO().start();
		assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

}
