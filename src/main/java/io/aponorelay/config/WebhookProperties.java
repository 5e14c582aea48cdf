package io.aponorelay.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One webhook: when it fires and what it sends.
 *
 * @param name unique name; letters, digits, '-' and '_'
 * @param active whether the webhook fires at all
 * @param method HTTP method: POST, PUT, PATCH, DELETE or GET
 * @param url the target URL; a template, so it may name secrets
 * @param headers request headers; values are templates
 * @param triggers the triggers that fire the webhook, at least one
 * @param filters conditions on the event; every listed filter must match
 * @param bodyTemplate the Handlebars template of the request body
 * @param timeout limit for the whole call, connecting included
 * @param responseValidators JSONPath checks on the response; all must pass
 * @param retry how failed deliveries are retried
 * @param concurrency how many calls to this target one relay instance makes at once
 * @param circuitBreaker when deliveries pause because the target looks down
 * @param sslBundle the SSL bundle to trust the target's certificate with (and to present a client
 * certificate from); without it, {@code relay.delivery.ssl-bundle} or the JVM's trust store
 * @param insecureSkipTlsVerify trust any certificate for any host name: for a test appliance only
 * @param logpoint a Logpoint incident call the relay builds, instead of url and body template
 */
public record WebhookProperties(@Nullable String name, @DefaultValue("true") boolean active,
		@DefaultValue("POST") String method, @Nullable String url, @Nullable Map<String, String> headers,
		@Nullable List<String> triggers, @Nullable FilterProperties filters, @Nullable String bodyTemplate,
		@DefaultValue("10s") Duration timeout, @Nullable List<ValidatorProperties> responseValidators,
		@DefaultValue RetryProperties retry, @DefaultValue("4") int concurrency,
		@DefaultValue CircuitBreakerProperties circuitBreaker, @Nullable String sslBundle,
		@DefaultValue("false") boolean insecureSkipTlsVerify, @Nullable LogpointPreset logpoint) {

	public WebhookProperties {
		method = method.strip().toUpperCase(Locale.ROOT);
		headers = (headers != null) ? new LinkedHashMap<>(headers) : Map.of();
		triggers = (triggers != null) ? List.copyOf(triggers) : List.of();
		filters = (filters != null) ? filters : FilterProperties.NONE;
		responseValidators = (responseValidators != null) ? List.copyOf(responseValidators) : List.of();
	}

	@Override
	public Map<String, String> headers() {
		return headers;
	}

	@Override
	public List<String> triggers() {
		return triggers;
	}

	@Override
	public FilterProperties filters() {
		return filters;
	}

	@Override
	public List<ValidatorProperties> responseValidators() {
		return responseValidators;
	}

	/**
	 * The response validators that apply: the configured ones, and for a Logpoint preset the check
	 * that Logpoint answered {@code success: true}.
	 */
	public List<ValidatorProperties> effectiveValidators() {
		if (logpoint == null) {
			return responseValidators;
		}
		List<ValidatorProperties> all = new java.util.ArrayList<>(responseValidators);
		all.add(0, new ValidatorProperties("$.data.success", List.of("true"), "Logpoint did not confirm the call"));
		return List.copyOf(all);
	}

	/** The name for messages, also when none was configured. */
	public String displayName() {
		return (name != null && !name.isBlank()) ? name : "(unnamed)";
	}

}
