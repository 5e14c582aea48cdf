package io.aponorelay.template;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.aponorelay.config.AllowedHosts;
import io.aponorelay.config.ConfigurationCheck;
import io.aponorelay.config.ConfigurationProblems;
import io.aponorelay.config.RelayProperties;
import io.aponorelay.config.Secrets;
import io.aponorelay.config.WebhookProperties;
import io.aponorelay.event.AponoEvent;
import io.aponorelay.event.SampleEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The compiled request templates of every webhook. Compiles them once at start-up, reporting what
 * does not compile as a configuration problem, and renders a webhook's request for an event.
 */
@Component
public class RequestTemplates implements ConfigurationCheck {

	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	private final TemplateEngine engine;

	private final Map<String, RequestBuilder> builders = new HashMap<>();

	/** The webhooks whose requests a provider builds; their templates are the provider's to check. */
	private final Set<String> provided = new HashSet<>();

	@Autowired
	public RequestTemplates(RelayProperties relay, TemplateCompiler compiler, List<RequestBuilderProvider> providers) {
		this.engine = compiler.engine();
		AllowedHosts allowedHosts = allowedHosts(relay);
		for (WebhookProperties webhook : relay.webhooks()) {
			String name = String.valueOf(webhook.name());
			try {
				Optional<RequestBuilder> builder = providers.stream()
					.map((provider) -> provider.builderFor(webhook))
					.flatMap(Optional::stream)
					.findFirst();
				builder.ifPresent((found) -> provided.add(name));
				builders.putIfAbsent(name, builder.isPresent() ? builder.get()
						: RequestTemplate.compile(webhook, engine, allowedHosts));
			}
			catch (TemplateException ex) {
				// check() reports it, and the relay does not start
			}
		}
	}

	/** Webhooks built from templates only, for tests. */
	RequestTemplates(RelayProperties relay, Secrets secrets) {
		this(relay, new TemplateCompiler(secrets), List.of());
	}

	/**
	 * Renders the request a webhook sends for an event.
	 * @throws TemplateException when rendering fails or the result is not a valid request
	 */
	public RenderedRequest render(String webhook, AponoEvent event, String eventKey) {
		RequestBuilder builder = builders.get(webhook);
		if (builder == null) {
			throw new IllegalArgumentException("No webhook named '" + webhook + "'");
		}
		return builder.render(event, eventKey);
	}

	@Override
	public void check(RelayProperties relay, ConfigurationProblems problems) {
		for (int i = 0; i < relay.webhooks().size(); i++) {
			WebhookProperties webhook = relay.webhooks().get(i);
			if (provided.contains(String.valueOf(webhook.name()))) {
				checkRendersSample(i, webhook, problems);
				continue;
			}
			if (webhook.url() == null || webhook.url().isBlank()) {
				problems.add(i, webhook, "url", "is required");
			}
			for (String name : webhook.headers().keySet()) {
				if (!HEADER_NAME.matcher(name).matches()) {
					problems.add(i, webhook, "headers." + name, "'" + name + "' is not a valid header name");
				}
			}
			for (Map.Entry<String, String> part : parts(webhook).entrySet()) {
				checkCompiles(i, webhook, part.getKey(), part.getValue(), problems);
				for (String secret : TemplateEngine.secretReferences(part.getValue())) {
					if (!relay.secrets().containsKey(secret)) {
						problems.add(i, webhook, part.getKey(),
								"names secret '" + secret + "', which relay.secrets does not define");
					}
				}
			}
			checkRendersSample(i, webhook, problems);
		}
	}

	private void checkCompiles(int index, WebhookProperties webhook, String part, String source,
			ConfigurationProblems problems) {
		try {
			engine.compile(part, source, RequestTemplate.escaping(part));
		}
		catch (TemplateException ex) {
			problems.add(index, webhook, part, ex.reason());
		}
	}

	/** Renders the sample event: finds a URL that is not http(s) or a body that is not JSON. */
	private void checkRendersSample(int index, WebhookProperties webhook, ConfigurationProblems problems) {
		RequestBuilder template = builders.get(String.valueOf(webhook.name()));
		if (template == null || (template instanceof RequestTemplate compiled && compiled.webhook() != webhook)) {
			return;
		}
		AponoEvent sample = SampleEvent.create();
		try {
			template.render(sample, sample.key());
		}
		catch (TemplateException ex) {
			if (!ex.reason().contains("relay.secrets")) {
				problems.add(index, webhook, ex.part(), ex.reason() + " (rendering the sample event)");
			}
		}
	}

	private static AllowedHosts allowedHosts(RelayProperties relay) {
		try {
			return new AllowedHosts(relay.delivery().allowedHosts());
		}
		catch (IllegalArgumentException ex) {
			// the configuration check reports it, and the relay does not start
			return new AllowedHosts(java.util.List.of());
		}
	}

	private static Map<String, String> parts(WebhookProperties webhook) {
		Map<String, String> parts = new LinkedHashMap<>();
		if (webhook.url() != null) {
			parts.put("url", webhook.url());
		}
		webhook.headers().forEach((name, value) -> parts.put("headers." + name, value));
		if (webhook.bodyTemplate() != null) {
			parts.put("body-template", webhook.bodyTemplate());
		}
		return parts;
	}

}
