package io.aponorelay.ingest;

import java.io.IOException;
import java.util.List;

import io.aponorelay.event.AponoEvent;
import io.aponorelay.routing.Router;
import io.aponorelay.store.Acceptance;
import io.aponorelay.store.InvocationStore;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /ingest/apono}: accepts an Apono event once it and its pending invocations are
 * recorded.
 */
@RestController
class IngestController {

	private static final Logger logger = LoggerFactory.getLogger(IngestController.class);

	private final EventBodies bodies;

	private final Router router;

	private final InvocationStore store;

	private final IngestMetrics metrics;

	private final JsonMapper json;

	IngestController(EventBodies bodies, Router router, InvocationStore store, IngestMetrics metrics, JsonMapper json) {
		this.bodies = bodies;
		this.router = router;
		this.store = store;
		this.metrics = metrics;
		this.json = json;
	}

	/**
	 * Writes its answer itself, with its length: the message converters' negotiation and
	 * reflection cost more than the rest of the dispatch, and without a length the answer goes out
	 * chunked, in two writes.
	 */
	@PostMapping("/ingest/apono")
	@ApiResponse(responseCode = "202", description = "Recorded, with the webhooks the event triggers",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = IngestResponse.class)))
	void ingest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		AponoEvent event = bodies.read(request);
		Acceptance acceptance = store.accept(event, router.matchingWebhooks(event));
		metrics.accepted(event.trigger().canonicalName(), acceptance.duplicate());
		if (acceptance.duplicate()) {
			logger.info("Event {} ({}) was accepted before; nothing new recorded", acceptance.eventKey(),
					event.trigger());
		}
		else {
			logger.info("Accepted event {} ({}) for {}", acceptance.eventKey(), event.trigger(),
					acceptance.deliveries());
		}
		byte[] answer = json.writeValueAsBytes(new IngestResponse(acceptance.eventKey(),
				event.trigger().canonicalName(), acceptance.duplicate(), acceptance.deliveries()));
		response.setStatus(HttpStatus.ACCEPTED.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	/**
	 * The answer to an accepted event.
	 *
	 * @param eventKey the event's key
	 * @param trigger the normalised trigger
	 * @param duplicate whether it had been accepted before
	 * @param deliveries the webhooks it triggers, each with its invocation
	 */
	record IngestResponse(String eventKey, String trigger, boolean duplicate, List<Acceptance.Delivery> deliveries) {

	}

}
