package io.aponorelay.admin;

import java.io.IOException;

import io.aponorelay.delivery.Deliverer;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.SampleEvent;
import io.aponorelay.ingest.EventBodies;
import io.aponorelay.store.InvocationRecord;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/webhooks/{name}/test}: the Test button. Sends the given event, or the built-in
 * sample, through one webhook now, ignoring its triggers and filters, and answers the invocation
 * record: 200 also when the target failed, since the record says so.
 */
@RestController
class TestController {

	private final EventBodies bodies;

	private final Deliverer deliverer;

	TestController(EventBodies bodies, Deliverer deliverer) {
		this.bodies = bodies;
		this.deliverer = deliverer;
	}

	@PostMapping("/api/webhooks/{name}/test")
	InvocationRecord test(@PathVariable String name, HttpServletRequest request) throws IOException {
		AponoEvent event = bodies.readOptional(request).orElseGet(SampleEvent::create);
		return deliverer.test(name, event).orElseThrow(() -> NotFoundException.webhook(name));
	}

}
