package io.aponorelay.ingest;

import java.io.IOException;
import java.util.List;

import io.aponorelay.event.AponoEvent;
import io.aponorelay.routing.Router;
import io.aponorelay.store.Acceptance;
import io.aponorelay.store.InvocationStore;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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

	IngestController(EventBodies bodies, Router router, InvocationStore store, IngestMetrics metrics) {
		this.bodies = bodies;
		this.router = router;
		this.store = store;
		this.metrics = metrics;
	}

	@PostMapping("/ingest/apono")
	@ResponseStatus(HttpStatus.ACCEPTED)
	IngestResponse ingest(HttpServletRequest request) throws IOException {
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
		return new IngestResponse(acceptance.eventKey(), event.trigger().canonicalName(), acceptance.duplicate(),
				acceptance.deliveries());
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
