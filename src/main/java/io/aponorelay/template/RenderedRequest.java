package io.aponorelay.template;

import java.util.LinkedHashMap;
import java.util.Map;

import io.aponorelay.config.Secrets;
import org.jspecify.annotations.Nullable;

/**
 * The exact request a webhook sends for one event.
 *
 * @param method the HTTP method
 * @param url the absolute target URL
 * @param headers header names and values, in order
 * @param body the body, or {@code null} for none
 */
public record RenderedRequest(String method, String url, Map<String, String> headers, @Nullable String body) {

	public RenderedRequest {
		headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	/** The same request with every secret value replaced by {@value Secrets#MASK}. */
	public RenderedRequest masked(Secrets secrets) {
		Map<String, String> maskedHeaders = new LinkedHashMap<>();
		headers.forEach((name, value) -> maskedHeaders.put(name, secrets.mask(value)));
		return new RenderedRequest(method, secrets.mask(url), maskedHeaders, (body != null) ? secrets.mask(body) : null);
	}

}
