package io.aponorelay.admin;

import java.io.IOException;

import io.aponorelay.ingest.EventBodies;
import io.aponorelay.routing.Explainer;
import io.aponorelay.routing.Explainer.Explanation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/explain}: the dry run for an event. Sends and records nothing.
 */
@RestController
class ExplainController {

	private final EventBodies bodies;

	private final Explainer explainer;

	ExplainController(EventBodies bodies, Explainer explainer) {
		this.bodies = bodies;
		this.explainer = explainer;
	}

	@PostMapping("/api/explain")
	Explanation explain(HttpServletRequest request) throws IOException {
		return explainer.explain(bodies.read(request));
	}

}
