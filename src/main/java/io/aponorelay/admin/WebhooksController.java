package io.aponorelay.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aponorelay.config.FilterProperties;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.RetryProperties;
import io.aponorelay.config.Secrets;
import io.aponorelay.config.ValidatorProperties;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.delivery.WebhookGates;
import io.aponorelay.delivery.WebhookGates.CircuitStatus;
import io.aponorelay.event.Trigger;
import io.aponorelay.store.InvocationStore;
import io.aponorelay.store.InvocationSummary;
import io.aponorelay.store.QueueDepth;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/webhooks}: every configured webhook with its circuit, queue depth and last outcome,
 * secrets masked.
 */
@RestController
class WebhooksController {

	private final RelayProperties relay;

	private final Secrets secrets;

	private final InvocationStore store;

	private final WebhookGates gates;

	WebhooksController(RelayProperties relay, Secrets secrets, InvocationStore store, WebhookGates gates) {
		this.relay = relay;
		this.secrets = secrets;
		this.store = store;
		this.gates = gates;
	}

	@GetMapping("/api/webhooks")
	List<WebhookView> webhooks() {
		Map<String, QueueDepth> depths = store.queueDepths();
		Map<String, CircuitStatus> circuits = gates.statuses();
		return relay.webhooks().stream().map((webhook) -> view(webhook, depths, circuits)).toList();
	}

	private WebhookView view(WebhookProperties webhook, Map<String, QueueDepth> depths,
			Map<String, CircuitStatus> circuits) {
		String name = String.valueOf(webhook.name());
		Map<String, String> headers = new LinkedHashMap<>();
		webhook.headers().forEach((header, value) -> headers.put(header, secrets.mask(value)));
		List<String> triggers = webhook.triggers()
			.stream()
			.map((trigger) -> Trigger.parse(trigger).map(Trigger::canonicalName).orElse(trigger))
			.toList();
		String body = (webhook.bodyTemplate() != null) ? secrets.mask(webhook.bodyTemplate()) : null;
		QueueDepth depth = depths.get(name);
		return new WebhookView(name, webhook.active(), webhook.method(), secrets.mask(String.valueOf(webhook.url())),
				headers, triggers, webhook.filters(), body, webhook.timeout(), webhook.effectiveValidators(),
				webhook.retry(), webhook.concurrency(), webhook.sslBundle(), webhook.insecureSkipTlsVerify(),
				circuits.get(name), (depth != null) ? depth.waiting() : 0,
				(depth != null) ? depth.oldest() : null, store.latest(name).orElse(null));
	}

	/**
	 * A webhook as the API shows it.
	 *
	 * @param name the name
	 * @param active whether it fires
	 * @param method the HTTP method
	 * @param url the URL template, secrets masked
	 * @param headers the header templates, secrets masked
	 * @param triggers the normalised triggers
	 * @param filters the filters
	 * @param bodyTemplate the body template, secrets masked
	 * @param timeout the timeout of the whole call
	 * @param responseValidators the response validators
	 * @param retry the retry settings
	 * @param concurrency calls in flight at once, per instance
	 * @param sslBundle the SSL bundle the target's certificate is checked with, or {@code null}
	 * @param insecureSkipTlsVerify whether the target's certificate is not checked at all
	 * @param circuit the circuit breaker in this instance
	 * @param queueDepth deliveries waiting (pending or retrying)
	 * @param oldestWaiting when the oldest waiting delivery was accepted, or {@code null}
	 * @param lastOutcome the newest invocation, or {@code null}
	 */
	record WebhookView(String name, boolean active, String method, String url, Map<String, String> headers,
			List<String> triggers, FilterProperties filters, @Nullable String bodyTemplate, Duration timeout,
			List<ValidatorProperties> responseValidators, RetryProperties retry, int concurrency,
			@Nullable String sslBundle, boolean insecureSkipTlsVerify, CircuitStatus circuit, long queueDepth, @Nullable Instant oldestWaiting,
			@Nullable InvocationSummary lastOutcome) {

	}

}
