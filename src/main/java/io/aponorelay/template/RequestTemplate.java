package io.aponorelay.template;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.github.jknack.handlebars.Template;
import io.aponorelay.config.AllowedHosts;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.event.AponoEvent;
import org.jspecify.annotations.Nullable;

/**
 * One webhook's compiled request: URL, headers and body templates.
 */
record RequestTemplate(WebhookProperties webhook, Template url, Map<String, Template> headers,
		@Nullable Template body, AllowedHosts allowedHosts) implements RequestBuilder {

	static RequestTemplate compile(WebhookProperties webhook, TemplateEngine engine, AllowedHosts allowedHosts) {
		Map<String, Template> headers = new LinkedHashMap<>();
		webhook.headers()
			.forEach((name, value) -> headers.put(name, engine.compile("headers." + name, value, Escaping.HEADER)));
		Template body = (webhook.bodyTemplate() != null)
				? engine.compile("body-template", webhook.bodyTemplate(), Escaping.JSON_STRING) : null;
		return new RequestTemplate(webhook, engine.compile("url", String.valueOf(webhook.url()), Escaping.URL),
				headers, body, allowedHosts);
	}

	/** How placeholders are escaped in a part of the request. */
	static Escaping escaping(String part) {
		return part.equals("url") ? Escaping.URL : part.startsWith("headers.") ? Escaping.HEADER : Escaping.JSON_STRING;
	}

	@Override
	public RenderedRequest render(AponoEvent event, String eventKey) {
		try (TemplateEngine.Scope scope = new TemplateEngine.Scope(event, eventKey)) {
			return render(scope);
		}
	}

	private RenderedRequest render(TemplateEngine.Scope scope) {
		String renderedUrl = scope.render("url", url).strip();
		requireHttpUrl(renderedUrl);
		if (!allowedHosts.allows(renderedUrl)) {
			throw new TemplateException("url", "the host of '" + renderedUrl + "' is not in relay.delivery.allowed-hosts");
		}
		Map<String, String> renderedHeaders = new LinkedHashMap<>();
		headers.forEach((name, template) -> renderedHeaders.put(name, scope.render("headers." + name, template).strip()));
		String renderedBody = (body != null) ? scope.render("body-template", body) : null;
		if (renderedBody != null && !renderedBody.isBlank() && contentType(renderedHeaders) == null) {
			renderedHeaders.put("Content-Type", "application/json");
		}
		if (renderedBody != null && isJson(contentType(renderedHeaders))) {
			JsonBodies.requireJson(renderedBody);
		}
		return new RenderedRequest(webhook.method(), renderedUrl, renderedHeaders, renderedBody);
	}

	private static void requireHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				throw new TemplateException("url", "'" + url + "' is not an absolute http or https URL with a host");
			}
		}
		catch (URISyntaxException ex) {
			throw new TemplateException("url", "'" + url + "' is malformed: " + ex.getReason());
		}
	}

	private static @Nullable String contentType(Map<String, String> headers) {
		return headers.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase("Content-Type"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
		return type.equals("application/json") || type.endsWith("+json");
	}

}
