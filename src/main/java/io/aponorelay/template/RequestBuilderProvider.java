package io.aponorelay.template;

import java.util.Optional;

import io.aponorelay.config.WebhookProperties;

/**
 * Builds the requests of webhooks that say what they mean instead of giving templates, such as a
 * Logpoint action preset. Webhooks no provider takes are built from their URL, header and body
 * templates.
 */
public interface RequestBuilderProvider {

	/**
	 * The builder for a webhook, when this provider takes it.
	 * @throws TemplateException when the webhook's settings do not compile; the provider's own
	 * configuration check reports the details
	 */
	Optional<RequestBuilder> builderFor(WebhookProperties webhook);

}
