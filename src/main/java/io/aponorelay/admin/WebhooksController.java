package io.aponorelay.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aponorelay.config.FilterProperties;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.Secrets;
import io.aponorelay.config.ValidatorProperties;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.event.Trigger;
import io.aponorelay.store.InvocationStore;
import io.aponorelay.store.InvocationSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/webhooks}: every configured webhook with its last outcome, secrets masked.
 */
@RestController
class WebhooksController {

	private final RelayProperties relay;

	private final Secrets secrets;

	private final InvocationStore store;

	WebhooksController(RelayProperties relay, Secrets secrets, InvocationStore store) {
		this.relay = relay;
		this.secrets = secrets;
		this.store = store;
	}

	@GetMapping("/api/webhooks")
	List<WebhookView> webhooks() {
		return relay.webhooks().stream().map(this::view).toList();
	}

	private WebhookView view(WebhookProperties webhook) {
		String name = String.valueOf(webhook.name());
		Map<String, String> headers = new LinkedHashMap<>();
		webhook.headers().forEach((header, value) -> headers.put(header, secrets.mask(value)));
		List<String> triggers = webhook.triggers()
			.stream()
			.map((trigger) -> Trigger.parse(trigger).map(Trigger::canonicalName).orElse(trigger))
			.toList();
		String body = (webhook.bodyTemplate() != null) ? secrets.mask(webhook.bodyTemplate()) : null;
		return new WebhookView(name, webhook.active(), webhook.method(), secrets.mask(String.valueOf(webhook.url())),
				headers, triggers, webhook.filters(), body, webhook.timeout(), webhook.responseValidators(),
				store.latest(name).orElse(null));
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
	 * @param lastOutcome the newest invocation, or {@code null}
	 */
	record WebhookView(String name, boolean active, String method, String url, Map<String, String> headers,
			List<String> triggers, FilterProperties filters, @Nullable String bodyTemplate, Duration timeout,
			List<ValidatorProperties> responseValidators, @Nullable InvocationSummary lastOutcome) {

	}

}
