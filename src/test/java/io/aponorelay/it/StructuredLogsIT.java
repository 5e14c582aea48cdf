package io.aponorelay.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.aponorelay.event.JsonValues;
import io.aponorelay.event.SampleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code logging.structured.format.console: ecs} every line the relay writes is an ECS JSON
 * document; the line of an accepted event names it. A process of its own, since logging is set
 * up once per JVM.
 */
class StructuredLogsIT {

	@TempDir
	Path directory;

	@Test
	@SuppressWarnings("unchecked")
	void eachLineIsAnEcsDocument() throws Exception {
		RelayProcess relay = new RelayProcess("structured-logs",
				RelayProcess.configuration(directory, "http://127.0.0.1:9", ""),
				"--spring.datasource.url=jdbc:h2:mem:logs", "--logging.structured.format.console=ecs");
		try {
			relay.start();
			relay.client().postJson("/ingest/apono", SampleEvent.json());
		}
		finally {
			relay.terminate();
			relay.process().waitFor();
		}
		List<String> lines = Files.readAllLines(Path.of("target", "it-logs", "structured-logs.log"));
		List<String> documents = lines.stream().filter((line) -> line.startsWith("{")).toList();
		assertThat(documents).hasSizeGreaterThan(lines.size() - 10);
		Map<String, Object> accepted = documents.stream()
			.map((line) -> (Map<String, Object>) JsonValues.parse(line))
			.filter((document) -> String.valueOf(document.get("message")).startsWith("Accepted event"))
			.findFirst()
			.orElseThrow();
		assertThat(accepted).containsKeys("@timestamp", "log", "message", "ecs");
		assertThat((String) accepted.get("message"))
			.startsWith("Accepted event 5f0c8f0e-2b1a-4c7e-9a51-3d1e2f4a6b7c:RequestGranted:1796292000.123456000");
	}

}
