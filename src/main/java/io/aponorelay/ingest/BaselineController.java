package io.aponorelay.ingest;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the benchmarks only ({@code bench.baseline-endpoint: true}): reads the body and answers 202
 * without parsing or storing, so that what the web stack alone costs can be measured in the same
 * JVM next to {@code /ingest/apono}.
 */
@RestController
@ConditionalOnBooleanProperty("bench.baseline-endpoint")
class BaselineController {

	@PostMapping("/bench/baseline")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, String> accept(HttpServletRequest request) throws IOException {
		request.getInputStream().readAllBytes();
		return Map.of("status", "accepted");
	}

}
