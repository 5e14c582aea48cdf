package io.aponorelay.logpoint;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the {@link LogpointSimulator} at {@code /logpoint-simulator/}, only where
 * {@code logpoint-simulator.enabled} is true (the demo profile). Like Logpoint, it answers an
 * unknown path with an HTML 404 page.
 */
@RestController
@ConditionalOnBooleanProperty("logpoint-simulator.enabled")
@RequestMapping("/logpoint-simulator")
class SimulatorController {

	private static final String NOT_FOUND_PAGE = "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
			+ "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>";

	private final LogpointSimulator simulator;

	SimulatorController(LogpointSimulator simulator) {
		this.simulator = simulator;
	}

	@RequestMapping(path = "/{endpoint}", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<?> call(@PathVariable String endpoint, @RequestBody(required = false) Map<String, Object> body) {
		Map<String, Object> answer = simulator.call(endpoint, (body != null) ? body : Map.of());
		if (answer == null) {
			return ResponseEntity.status(404).contentType(MediaType.TEXT_HTML).body(NOT_FOUND_PAGE);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
	}

}
