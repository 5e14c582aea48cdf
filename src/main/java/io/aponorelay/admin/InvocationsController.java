package io.aponorelay.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aponorelay.delivery.Deliverer;
import io.aponorelay.store.InvocationRecord;
import io.aponorelay.store.InvocationStatus;
import io.aponorelay.store.InvocationStore;
import io.aponorelay.store.InvocationSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/invocations}: the invocation records, newest first, and redelivery.
 */
@RestController
class InvocationsController {

	private static final int MAX_LIMIT = 1000;

	private final InvocationStore store;

	private final Deliverer deliverer;

	InvocationsController(InvocationStore store, Deliverer deliverer) {
		this.store = store;
		this.deliverer = deliverer;
	}

	@GetMapping("/api/invocations")
	List<InvocationSummary> list(@RequestParam(required = false) @Nullable String webhook,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
		}
		return store.list(blankToNull(webhook), status(status), limit);
	}

	@GetMapping("/api/invocations/{id}")
	InvocationRecord get(@PathVariable String id) {
		return store.find(id).orElseThrow(() -> NotFoundException.invocation(id));
	}

	/** Puts every invocation of a status (of one webhook, or all) back in the queue. */
	@PostMapping("/api/invocations/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Integer> redeliverAll(@RequestParam(required = false) @Nullable String webhook,
			@RequestParam(defaultValue = "FAILED") String status) {
		InvocationStatus requeued = status(status);
		if (requeued == InvocationStatus.PENDING) {
			throw new BadRequestException("PENDING invocations are queued already");
		}
		return Map.of("requeued", deliverer.requeue(blankToNull(webhook), requeued));
	}

	@PostMapping("/api/invocations/{id}/redeliver")
	InvocationRecord redeliver(@PathVariable String id) {
		return deliverer.redeliver(id).orElseThrow(() -> NotFoundException.invocation(id));
	}

	private static @Nullable InvocationStatus status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return InvocationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("status '" + status + "' is none of " + List.of(InvocationStatus.values()));
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
